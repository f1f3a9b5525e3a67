from __future__ import annotations

from decimal import Decimal

from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from danvan.api_errors import AUTHENTICATED, errors

from . import selectors, services

router = Router(tags=["Nhập văn bản"])


class JobOut(Schema):
    id: int
    assignment_id: int | None
    file_name: str
    sha256: str
    status: str
    status_label: str
    step: int
    error: str
    result: dict | None
    revision: int | None


class ConfirmIn(Schema):
    base_version: int
    values: dict[str, Decimal | str] = {}
    sections: dict[str, str] = {}


def _job(job) -> dict:
    return {
        "id": job.pk,
        "assignment_id": job.assignment_id,
        "file_name": job.upload.original_name,
        "sha256": job.upload.file.sha256,
        "status": job.status,
        "status_label": job.get_status_display(),
        "step": job.step_number,
        "error": job.error,
        "result": job.result,
        "revision": job.revision.number if job.revision_id else None,
    }


@router.post(
    "/assignments/{assignment_id}",
    response={201: JobOut, **errors(*AUTHENTICATED, 400, 404)},
    summary="Nhập báo cáo của đơn vị từ tệp",
)
def upload(request, assignment_id: int, file: File[UploadedFile]):
    if file.size > services.max_upload_bytes():
        raise services.ImportRefused(
            f"Tệp quá lớn; giới hạn {services.max_upload_bytes() // (1024 * 1024)} MB."
        )
    job = services.start_import(request.auth, assignment_id, file.read(), file.name or "tep")
    return Status(201, _job(selectors.get_job(request.auth, job.pk)))


@router.get(
    "/jobs/{job_id}",
    response={200: JobOut, **errors(*AUTHENTICATED, 404)},
    summary="Tiến độ và đề xuất của một lần nhập tệp",
)
def job(request, job_id: int):
    return _job(selectors.get_job(request.auth, job_id))


@router.post(
    "/jobs/{job_id}/confirm",
    response={200: JobOut, **errors(*AUTHENTICATED, 400, 404, 409)},
    summary="Xác nhận số liệu và nội dung vào bản nháp",
)
def confirm(request, job_id: int, payload: ConfirmIn):
    selectors.get_job(request.auth, job_id)
    services.confirm_import(
        request.auth,
        job_id,
        payload.base_version,
        # JSON numbers stay numbers (1.821 is not 1821); text is read the Vietnamese way.
        dict(payload.values),
        payload.sections,
    )
    return _job(selectors.get_job(request.auth, job_id))
