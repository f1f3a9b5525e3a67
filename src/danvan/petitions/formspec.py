"""The Government Inspectorate's statistical forms (Thông tư 02/2021/TT-TTCP) as data, with
their formula rows ("1 = 4 + 13 + 22"), checked without Django.

Columns are numbered as in the form; the trees follow the domain notes (registers-domain
§4.2). The five forms Danvan computes from its book and records are here; five more that
units only upload (02–04/XLD, 02/KQGQ, 04/KQGQ) are in formspec_more, marked unconfirmed.
The 2024 revision is not built (its columns are not known well enough; see docs/decisions.md).

Checks: `formulas` are the form's own formula row ("1 = 4 + 13 + 22"); `sums` a parent
column equal to its children in the header tree; `parts` a "trong đó" column not above its
whole. Money (triệu đồng) and land (m²) columns take decimals (`whole=False`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class FormColumn:
    number: int
    key: str
    label: str
    whole: bool = True  # False: triệu đồng or m², decimals allowed


@dataclass(frozen=True)
class Form:
    code: str  # "01/TCD"
    title: str
    columns: tuple[FormColumn, ...]
    formulas: tuple[tuple[int, tuple[int, ...]], ...]  # (left, right columns summed)
    note: str = ""  # shown beside the form (where its columns come from, what is unconfirmed)
    sums: tuple[tuple[int, tuple[int, ...]], ...] = ()  # parent = its children
    parts: tuple[tuple[int, int], ...] = ()  # (whole, "trong đó" part): part ≤ whole
    confirmed: bool = True  # False: columns or checks not checked against the circular

    def column(self, number: int) -> FormColumn:
        return next(c for c in self.columns if c.number == number)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def formula_text(self, left: int, right: tuple[int, ...]) -> str:
        return f"{left} = " + " + ".join(str(n) for n in right)


def _group(start: int, prefix: str, title: str, with_sessions: bool) -> list[FormColumn]:
    labels = [
        ("luot", "lượt"),
        ("nguoi", "người"),
        ("vv_dau", "vụ việc lần đầu"),
        ("vv_nhieu", "vụ việc nhiều lần"),
        ("doan", "đoàn đông người: số đoàn"),
        ("doan_nguoi", "đoàn đông người: số người"),
        ("doan_vv_dau", "đoàn đông người: vụ việc lần đầu"),
        ("doan_vv_nhieu", "đoàn đông người: vụ việc nhiều lần"),
    ]
    if with_sessions:
        labels.insert(0, ("ky", "số kỳ tiếp"))
    return [
        FormColumn(start + i, f"{prefix}_{key}", f"{title}: {label}")
        for i, (key, label) in enumerate(labels)
    ]


_TCD01_COLUMNS = (
    FormColumn(1, "tong_luot", "Tổng số lượt tiếp"),
    FormColumn(2, "tong_nguoi", "Tổng số người được tiếp"),
    FormColumn(3, "tong_vv", "Tổng số vụ việc"),
    *_group(4, "tx", "Tiếp thường xuyên", False),
    *_group(12, "tt", "Thủ trưởng tiếp định kỳ, đột xuất", True),
    *_group(21, "uq", "Ủy quyền tiếp định kỳ, đột xuất", True),
)

TCD01 = Form(
    "01/TCD",
    "Tổng hợp kết quả tiếp công dân thường xuyên, định kỳ và đột xuất",
    _TCD01_COLUMNS,
    (
        (1, (4, 13, 22)),
        (2, (5, 14, 23)),
        (3, (6, 7, 15, 16, 24, 25)),
    ),
)

TCD02 = Form(
    "02/TCD",
    "Tổng hợp phân loại, xử lý đơn qua tiếp công dân",
    (
        FormColumn(1, "tong_don", "Tổng số đơn qua tiếp công dân"),
        FormColumn(2, "kn", "Khiếu nại"),
        FormColumn(3, "tc", "Tố cáo"),
        FormColumn(4, "knpa", "Kiến nghị, phản ánh"),
        FormColumn(5, "thuoc_tq", "Thuộc thẩm quyền"),
        FormColumn(6, "huong_dan", "Không thuộc thẩm quyền: hướng dẫn"),
        FormColumn(7, "chuyen_don", "Không thuộc thẩm quyền: chuyển đơn"),
        FormColumn(8, "don_doc", "Không thuộc thẩm quyền: đôn đốc"),
        FormColumn(9, "phuc_dap", "Văn bản phúc đáp nhận được"),
    ),
    ((1, (2, 3, 4)), (1, (5, 6, 7, 8))),
)

XLD01 = Form(
    "01/XLD",
    "Tổng hợp kết quả xử lý đơn",
    (
        FormColumn(1, "tong", "Tổng số đơn phải xử lý"),
        FormColumn(2, "ky_truoc", "Kỳ trước chuyển sang"),
        FormColumn(3, "trong_ky", "Tiếp nhận trong kỳ"),
        FormColumn(4, "da_xu_ly", "Đã xử lý"),
        FormColumn(5, "chua_xu_ly", "Chưa xử lý"),
        FormColumn(6, "kn", "Theo nội dung: khiếu nại"),
        FormColumn(7, "tc", "Theo nội dung: tố cáo"),
        FormColumn(8, "knpa", "Theo nội dung: kiến nghị, phản ánh"),
        FormColumn(9, "tq_kn", "Thuộc thẩm quyền: khiếu nại"),
        FormColumn(10, "tq_tc", "Thuộc thẩm quyền: tố cáo"),
        FormColumn(11, "tq_knpa", "Thuộc thẩm quyền: kiến nghị, phản ánh"),
        FormColumn(12, "huong_dan", "Không thuộc thẩm quyền: hướng dẫn"),
        FormColumn(13, "chuyen_don", "Không thuộc thẩm quyền: chuyển đơn"),
        FormColumn(14, "don_doc", "Không thuộc thẩm quyền: đôn đốc"),
        FormColumn(15, "luu_don", "Lưu đơn"),
    ),
    ((1, (2, 3)), (1, (4, 5)), (1, (6, 7, 8)), (4, (9, 10, 11, 12, 13, 14, 15))),
)

KQGQ01 = Form(
    "01/KQGQ",
    "Tổng hợp kết quả giải quyết khiếu nại thuộc thẩm quyền",
    (
        FormColumn(1, "phai_gq", "Đơn phải giải quyết"),
        FormColumn(2, "ky_truoc", "Kỳ trước chuyển sang"),
        FormColumn(3, "trong_ky", "Thụ lý trong kỳ"),
        FormColumn(4, "da_gq", "Đã giải quyết"),
        FormColumn(5, "bang_qd", "Bằng quyết định giải quyết"),
        FormColumn(6, "rut_don", "Rút đơn thông qua giải thích, thuyết phục"),
        FormColumn(7, "dung", "Lần đầu: khiếu nại đúng"),
        FormColumn(8, "sai", "Lần đầu: khiếu nại sai"),
        FormColumn(9, "dung_mot_phan", "Lần đầu: khiếu nại đúng một phần"),
        FormColumn(10, "cong_nhan", "Lần hai: công nhận quyết định lần đầu"),
        FormColumn(11, "huy_sua", "Lần hai: hủy, sửa quyết định lần đầu"),
        FormColumn(12, "dung_han", "Chấp hành thời hạn: đúng quy định"),
        FormColumn(13, "qua_han", "Chấp hành thời hạn: không đúng quy định"),
    ),
    ((1, (2, 3)), (4, (5, 6)), (5, (7, 8, 9, 10, 11)), (4, (12, 13))),
)

KQGQ03 = Form(
    "03/KQGQ",
    "Tổng hợp kết quả giải quyết tố cáo",
    (
        FormColumn(1, "phai_gq", "Đơn phải giải quyết"),
        FormColumn(2, "ky_truoc", "Kỳ trước chuyển sang"),
        FormColumn(3, "trong_ky", "Thụ lý trong kỳ"),
        FormColumn(4, "da_gq", "Đã giải quyết"),
        FormColumn(5, "ket_luan", "Bằng kết luận nội dung tố cáo"),
        FormColumn(6, "rut_don", "Rút toàn bộ tố cáo"),
        FormColumn(7, "dinh_chi", "Đình chỉ không do rút tố cáo"),
        FormColumn(8, "dung", "Tố cáo đúng"),
        FormColumn(9, "sai", "Tố cáo sai"),
        FormColumn(10, "co_dung_co_sai", "Tố cáo có đúng, có sai"),
        FormColumn(11, "dung_han", "Thời hạn: đúng quy định"),
        FormColumn(12, "qua_han", "Thời hạn: không đúng quy định"),
    ),
    ((1, (2, 3)), (4, (5, 6, 7)), (5, (8, 9, 10)), (4, (11, 12))),
)

COMPUTED = (TCD01, TCD02, XLD01, KQGQ01, KQGQ03)


def _number(value) -> int | Decimal:
    if value is None or value == "":
        return 0
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else number


def check(form: Form, values: Mapping[str, object]) -> list[str]:
    """Vietnamese messages for each check the values break (empty when all hold)."""
    errors = []
    by_number = {c.number: _number(values.get(c.key)) for c in form.columns}
    for left, right in form.formulas:
        total = sum(by_number[n] for n in right)
        if by_number[left] != total:
            errors.append(
                f"cột ({left}) “{form.column(left).label}” là {by_number[left]} nhưng theo công "
                f"thức {form.formula_text(left, right)} phải là {total}."
            )
    for left, right in form.sums:
        total = sum(by_number[n] for n in right)
        if by_number[left] != total:
            children = " + ".join(f"({n})" for n in right)
            errors.append(
                f"cột ({left}) “{form.column(left).label}” là {by_number[left]} nhưng tổng các "
                f"cột con {children} là {total}."
            )
    for whole, part in form.parts:
        if by_number[part] > by_number[whole]:
            errors.append(
                f"cột ({part}) “{form.column(part).label}” là {by_number[part]}, lớn hơn cột "
                f"({whole}) “{form.column(whole).label}” là {by_number[whole]}."
            )
    return errors


def empty(form: Form) -> dict[str, int]:
    return {key: 0 for key in form.keys}


def stored(form: Form, values: Mapping[str, object]) -> dict[str, int | str]:
    """The values as saved in FormReport.values: whole numbers as int, decimals as text."""
    result: dict[str, int | str] = {}
    for column in form.columns:
        number = _number(values.get(column.key))
        result[column.key] = number if isinstance(number, int) else str(number)
    return result


def numbers(form: Form, values: Mapping[str, object]) -> dict[str, int | Decimal]:
    """Saved values read back as numbers (missing columns are 0)."""
    return {c.key: _number(values.get(c.key)) for c in form.columns}


# The uploaded-only forms use the classes above; imported last to avoid a circular import.
from .formspec_more import UPLOADED_ONLY  # noqa: E402

_ALL = {f.code: f for f in (*COMPUTED, *UPLOADED_ONLY)}
# In the circular's order: reception, processing, resolution.
FORMS: dict[str, Form] = {
    code: _ALL[code]
    for code in ("01/TCD", "02/TCD", "01/XLD", "02/XLD", "03/XLD", "04/XLD")
    + ("01/KQGQ", "02/KQGQ", "03/KQGQ", "04/KQGQ")
}
