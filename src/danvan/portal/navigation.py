"""The shell's navigation: the thirteen capabilities, each marked ready or still to come,
and which roles see it."""

from __future__ import annotations

from dataclasses import dataclass

from danvan.accounts.models import Role

EVERYONE = frozenset(Role.values)
STAFF = frozenset({Role.ADMIN, Role.COORDINATOR, Role.LEADER})


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str | None  # None: the capability is still to come
    roles: frozenset[str]
    description: str = ""


NAV_ITEMS = (
    NavItem("Trang chủ", "portal:home", EVERYONE),
    NavItem("Cây đơn vị", "orgs:tree", EVERYONE, "Đơn vị theo thời gian, sáp nhập, kế thừa"),
    NavItem(
        "Báo cáo cần nộp",
        "reporting:inbox",
        frozenset({Role.REPORTER}),
        "Hộp báo cáo: đến hạn, quá hạn, bị trả lại",
    ),
    NavItem(
        "Yêu cầu báo cáo",
        "reporting:requests",
        frozenset({Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        "Yêu cầu đã ban hành và bảng theo dõi tiến độ",
    ),
    NavItem(
        "Đề cương",
        "reporting:templates",
        frozenset({Role.COORDINATOR}),
        "Đề cương và biểu mẫu báo cáo",
    ),
    NavItem(
        "Tổng hợp",
        "consolidation:view",
        frozenset({Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        "Cộng dồn chỉ tiêu, so sánh cùng kỳ",
    ),
    NavItem(
        "Phân tích chỉ tiêu",
        "analysis:indicator",
        frozenset({Role.COORDINATOR, Role.LEADER, Role.VIEWER}),
        "Chuỗi thời gian, so sánh đơn vị, cùng kỳ năm trước, qua sắp xếp 2025",
    ),
    NavItem("Chỉ tiêu", "reporting:indicators", EVERYONE, "Danh mục chỉ tiêu và quy tắc kiểm tra"),
    NavItem("Thông báo", "notifications:list", EVERYONE, "Nhắc hạn, báo cáo được nộp, trả lại"),
    NavItem(
        "Nhập báo cáo từ tệp",
        "imports:batch_new",
        frozenset({Role.COORDINATOR}),
        "Nhiều tệp hoặc tệp .zip: nhận dạng đơn vị, yêu cầu, số liệu",
    ),
    NavItem(
        "Sổ văn bản", "registry:registry", EVERYONE, "Văn bản được trích dẫn và văn bản yêu cầu"
    ),
    NavItem("Chương trình phối hợp", "programmes:index", STAFF, "Chương trình, kế hoạch, sơ kết"),
    NavItem("Dân vận khéo", "exemplars:index", EVERYONE, "Mô hình, điển hình"),
    NavItem("Tình hình Nhân dân", "sentiment:index", EVERYONE, "Dư luận xã hội, điểm nóng"),
    NavItem(
        "Tiếp dân, đơn thư",
        "petitions:index",
        EVERYONE,
        "Tiếp công dân, khiếu nại, tố cáo, kiến nghị",
    ),
    NavItem("Tìm kiếm", "search:index", EVERYONE, "Tìm không dấu trong văn bản và báo cáo"),
    NavItem(
        "Phân quyền", "accounts:roles", frozenset({Role.ADMIN}), "Người dùng và vai trò theo đơn vị"
    ),
)


def items_for(role: str | None, is_superuser: bool) -> list[NavItem]:
    return [item for item in NAV_ITEMS if is_superuser or (role in item.roles)]
