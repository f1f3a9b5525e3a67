from django.urls import path

from . import views, views_board, views_issues, views_proposals

app_name = "sentiment"
urlpatterns = [
    path("", views.signals, name="index"),
    path("y-kien/", views.signals, name="signals"),
    path("y-kien/moi/", views.signal_new, name="signal_new"),
    path("y-kien/xuat/", views.export, name="export"),
    path("y-kien/mau/", views.template, name="template"),
    path("y-kien/nhap/", views.import_signals, name="import"),
    path("y-kien/<int:pk>/", views.signal, name="signal"),
    path("y-kien/<int:pk>/gop/", views.attach, name="attach"),
    path("vu-viec/", views_issues.issues, name="issues"),
    path("vu-viec/moi/", views_issues.issue_new, name="issue_new"),
    path("vu-viec/<int:pk>/", views_issues.issue, name="issue"),
    path("vu-viec/<int:pk>/dien-bien/", views_issues.issue_action, name="issue_action"),
    path("vu-viec/<int:pk>/lien-ket/", views_issues.issue_link, name="issue_link"),
    path("vu-viec/<int:pk>/dot-xuat/", views_issues.issue_adhoc, name="issue_adhoc"),
    path("de-xuat/<int:assignment_id>/", views_proposals.from_report, name="proposals"),
    path("bang-theo-doi/", views_board.board, name="board"),
    path("bao-cao/", views_board.report_draft, name="report"),
    path("cong-tac-vien/", views_board.collaborators, name="collaborators"),
    path("quyen-xem-nguon/", views_board.grants, name="grants"),
    path("quyen-xem-nguon/<int:pk>/thu-hoi/", views_board.grant_revoke, name="grant_revoke"),
]
