def add_arguments(parser) -> None:
    parser.add_argument(
        "--check", action="store_true", help="Chỉ kiểm tra, báo lỗi nếu còn migration chưa chạy"
    )


def run(args) -> int:
    from ._django import setup

    setup()
    from django.core.management import call_command

    if args.check:
        call_command("migrate", check=True, verbosity=0)
        print("Cơ sở dữ liệu đã ở phiên bản mới nhất.")
        return 0
    call_command("migrate", interactive=False, verbosity=1)
    return 0
