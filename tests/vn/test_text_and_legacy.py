import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from danvan.vn import legacy
from danvan.vn.text import fold, repair


def test_repair_fixes_horn_glyph_faults_and_eth():
    assert repair("Thƣờng vụ") == "Thường vụ"
    assert repair("PHÓ BÍ THƢ") == "PHÓ BÍ THƯ"
    assert repair("\u00d0ảng ủy") == "Đảng ủy"


def test_repair_composes_after_fixing_the_glyph():
    # "ƣ" + combining dot below (as in the Cần Thơ seed) must become the single letter "ự".
    assert repair("Thƣ\u0323c hiện") == "Thực hiện"
    assert repair("Vie\u0302\u0323t") == "Việt"


def test_repair_turns_pdfium_line_hyphen_into_a_hyphen():
    assert repair("117/QĐ\ufffeUBND") == "117/QĐ-UBND"


def test_fold_strips_marks_for_matching():
    assert fold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == "cong hoa xa hoi chu nghia viet nam"


def test_known_tcvn3_strings_decode():
    # Strings as they appear when a .VnTime document is read as Latin-1.
    assert (
        legacy.tcvn3_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
        == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    )
    assert legacy.tcvn3_to_unicode("§¶ng uû") == "Đảng uỷ"
    assert legacy.tcvn3_to_unicode("ng\u00adêi ®\u00adîc") == "người được"


def test_tcvn3_capital_fonts_upper_case_the_result():
    assert legacy.tcvn3_to_unicode("b¸o c¸o", capitals=True) == "BÁO CÁO"


def test_known_vni_strings_decode():
    assert (
        legacy.vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
        == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert legacy.vni_to_unicode("Ñaûng ngöôøi ñöôïc") == "Đảng người được"
    assert legacy.vni_to_unicode("BAÙO CAÙO") == "BÁO CÁO"


SENTENCE = "Ban Thường vụ Thành ủy báo cáo kết quả thực hiện công tác dân vận của các cơ quan nhà nước trong năm"


@pytest.mark.parametrize(
    ("encode", "name"),
    [(legacy.unicode_to_tcvn3, "tcvn3"), (legacy.unicode_to_vni, "vni")],
)
def test_detect_and_convert_text_we_encoded(encode, name):
    encoded = encode(SENTENCE.lower())
    assert encoded != SENTENCE.lower()
    assert legacy.detect(encoded) == name
    assert legacy.to_unicode(encoded) == SENTENCE.lower()


def test_clean_unicode_is_never_converted():
    assert legacy.detect(SENTENCE) == "unicode"
    assert (
        legacy.to_unicode("Lâm Đồng, ngày 05 tháng 11 năm 2025")
        == "Lâm Đồng, ngày 05 tháng 11 năm 2025"
    )


def test_font_names_tell_the_encoding():
    assert legacy.font_encoding(".VnTime") == "tcvn3"
    assert legacy.font_encoding("VNI-Times") == "vni"
    assert legacy.font_encoding("Times New Roman") is None
    assert legacy.is_capitals_font(".VnTimeH")


VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ "
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE_LETTERS, max_size=60))
def test_vni_round_trip(text):
    assert legacy.vni_to_unicode(legacy.unicode_to_vni(text)) == unicodedata.normalize("NFC", text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE_LETTERS, max_size=60))
def test_tcvn3_round_trip(text):
    assert legacy.tcvn3_to_unicode(legacy.unicode_to_tcvn3(text)) == text
