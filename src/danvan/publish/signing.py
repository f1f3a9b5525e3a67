"""The signing authority above the signer's position, written the way the chosen rules spell it.

Party documents (HD 36, HD 05) write "T/M", "K/T", "T/L", "Q."; State documents (NĐ 30)
"TM.", "KT.", "TL.", "Q.", and "TUQ." (thừa ủy quyền), which has no Party counterpart: a Party
document keeps a "TUQ." line as written and the writer warns.
"""

from __future__ import annotations

import re

# Each authority in both spellings: (party, state).
_PAIRS = (("T/M", "TM."), ("K/T", "KT."), ("T/L", "TL."), ("Q.", "Q."))
_TUQ = "TUQ."

# The prefix as typed: "KT.CHỦ TỊCH", "K/T  TRƯỞNG BAN", "tm. ủy ban", "T/M. BAN …".
_PREFIX = re.compile(
    r"^\s*(T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|TUQ|TM|KT|TL|Q)(?:\s*\.\s*|\s+|$)", re.IGNORECASE
)

_CANONICAL = {}
for _party, _state in _PAIRS:
    for _spelling in (_party, _state):
        _CANONICAL[_spelling.rstrip(".").replace("/", "")] = (_party, _state)


def convert_authority(line: str, system: str) -> tuple[str, str | None]:
    """The line with its prefix in `system`'s spelling ("party" or "state"), and a Vietnamese
    warning when the prefix has no equivalent there (TUQ. in a Party document)."""
    match = _PREFIX.match(line)
    if match is None:
        return line, None
    key = re.sub(r"[\s/.]", "", match.group(1).upper())
    rest = line[match.end() :].strip()
    if key == "TUQ":
        if system == "party":
            return line, (
                f"“{line.strip()}”: văn bản của Đảng không có hình thức ký thừa ủy quyền "
                "(TUQ.); dòng quyền hạn ký được giữ nguyên như đã nhập."
            )
        prefix = _TUQ
    else:
        party, state = _CANONICAL[key]
        prefix = party if system == "party" else state
    return (f"{prefix} {rest}" if rest else prefix), None


def convert_authorities(lines, system: str) -> tuple[list[str], list[str]]:
    """Every authority line converted, and the warnings they gave."""
    converted, warnings = [], []
    for line in lines:
        text, warning = convert_authority(line, system)
        converted.append(text)
        if warning:
            warnings.append(warning)
    return converted, warnings
