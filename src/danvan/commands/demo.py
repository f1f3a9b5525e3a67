def add_arguments(parser) -> None:
    parser.add_argument("--quiet", action="store_true", help="Không in danh sách tài khoản")


def print_logins() -> None:
    from danvan.demo.loader import DEMO_PASSWORD, DEMO_USERS

    print(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
    for user in DEMO_USERS:
        print(f"  {user.username:<12} {user.description}")


def run(args) -> int:
    from ._django import setup

    setup()
    from danvan.demo.loader import load_demo

    counts = load_demo()
    print(
        f"Dữ liệu mẫu: tạo mới {counts['units_created']} đơn vị, {counts['users_created']} tài khoản "
        "(chạy lại không nhân đôi dữ liệu)."
    )
    if not args.quiet:
        print_logins()
    return 0
