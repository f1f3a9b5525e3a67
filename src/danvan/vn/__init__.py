"""Vietnamese text helpers: pure functions, no Django.

Parsing lives in `text` (repair), `legacy` (TCVN3/VNI 8-bit encodings), `numbers`,
`dates` and `symbols` (số ký hiệu văn bản). Formatting helpers may sit beside them.
"""
