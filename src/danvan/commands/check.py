def add_arguments(parser) -> None:
    parser.add_argument(
        "--deploy", action="store_true", help="Kiểm tra thêm các thiết lập cho máy chủ thật"
    )


def run(args) -> int:
    from ._django import setup

    setup()
    from django.core.management import call_command

    from danvan.portal.selectors import database_status

    call_command("check", deploy=args.deploy)
    status = database_status()
    if status != "ok":
        print("Lỗi: không kết nối được cơ sở dữ liệu.")
        return 2
    print("Cơ sở dữ liệu: kết nối tốt.")
    return 0
