"""Digital signatures of a PDF, verified offline with pyHanko.

For every signature in file order: who signed (the certificate subject's common name — a
person or an organisation), the organisation, the signing time as the signature states it,
whether the signed byte range covers the whole file, whether a later revision changed the
content, and whether the signer's certificate chains to one of the trust anchors the
administrator installed and was valid at the signing time. Nothing is fetched: revocation is
never checked online ("chưa kiểm tra trực tuyến"), and without an anchor for the issuer the
validity is unknown (`None`, "thiếu chứng thư CA").

"Modified after" is decided here, not by pyHanko's full difference analysis (which takes a
minute on a 40-page e-office file): a later revision counts as a change of content when it
rewrites a page's content stream or a form/image it draws, changes a page dictionary in
anything but its annotations, or adds or removes pages. Filling the stamp widgets, adding
signatures, timestamps and validation data — what the e-office systems do after the signer —
does not count.
"""

from __future__ import annotations

import asyncio
import logging
import unicodedata
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

from .model import DigitalSignature

PROBLEM_NO_ANCHOR = "thiếu chứng thư CA"
PROBLEM_OFFLINE = "chưa kiểm tra trực tuyến"
PROBLEM_BROKEN = "chữ ký không khớp với nội dung (tệp đã bị sửa hoặc hỏng)"
PROBLEM_INVALID = "chữ ký không hợp lệ về mật mã"
PROBLEM_MODIFIED = "nội dung bị thay đổi sau khi ký"
PROBLEM_CERTIFICATE = "chứng thư số không hợp lệ tại thời điểm ký"
PROBLEM_UNREADABLE = "không đọc được chữ ký số (tệp hỏng hoặc bị cắt cụt)"
PROBLEM_TRUNCATED = "tệp bị cắt cụt (thiếu phần cuối)"

_ANCHOR_SUFFIXES = {".pem", ".crt", ".cer", ".der"}
# What an offline check can never settle: said quietly. Every other problem is an alarm.
QUIET = (PROBLEM_NO_ANCHOR, PROBLEM_OFFLINE)


def alarms(problems: Iterable[str]) -> list[str]:
    """The problems that mean the file or its signature is not as signed."""
    return [problem for problem in problems if problem not in QUIET]


def for_display(signatures: Iterable[dict]) -> list[dict]:
    """Signatures (as in `to_dict()`) for a page: each with `alarms` (loud), `notes` (what
    could not be checked offline), `intact` and `day` ("15/11/2025") added."""
    out = []
    for signature in signatures or ():
        stamp = signature.get("signed_at") or ""
        day = f"{stamp[8:10]}/{stamp[5:7]}/{stamp[:4]}" if len(stamp) >= 10 else ""
        loud = alarms(signature.get("problems") or ())
        notes = [p for p in signature.get("problems") or () if p in QUIET]
        out.append({**signature, "alarms": loud, "notes": notes, "intact": not loud, "day": day})
    return out


def changed_after_signing(signatures: Iterable[dict]) -> bool:
    """True when any signature says the file is not as it was signed."""
    return any(item["alarms"] for item in for_display(signatures))


def load_anchors(paths: Iterable[str | Path]) -> list:
    """Certificates (PEM or DER) from files, or from every .pem/.crt/.cer/.der file in a
    folder. A path that does not exist or is not a certificate is skipped."""
    from asn1crypto import pem, x509

    certificates = []
    for path in paths:
        path = Path(path)
        files = (
            sorted(p for p in path.iterdir() if p.suffix.lower() in _ANCHOR_SUFFIXES)
            if path.is_dir()
            else [path]
        )
        for file in files:
            try:
                data = file.read_bytes()
                blobs = (
                    [der for _, _, der in pem.unarmor(data, multiple=True)]
                    if pem.detect(data)
                    else [data]
                )
                loaded = [x509.Certificate.load(blob) for blob in blobs]
                if all(certificate.subject.native is not None for certificate in loaded):
                    certificates.extend(loaded)  # parsed now: a broken file fails here
            except (OSError, ValueError, TypeError):
                continue
    return certificates


def read_signatures(
    data: bytes, *, trust_anchors: Sequence[str | Path] | None = None
) -> list[DigitalSignature]:
    """Every digital signature of the PDF `data`, verified offline (see the module doc)."""
    if b"/ByteRange" not in data:
        return []
    if _loop_running():  # pyHanko's synchronous API runs its own event loop: not inside one
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(_read, data, trust_anchors).result()
    return _read(data, trust_anchors)


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _read(data: bytes, trust_anchors) -> list[DigitalSignature]:
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # its tracebacks are our problems
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    from pyhanko.pdf_utils.reader import PdfFileReader

    from .hexstrings import install

    install()
    anchors = load_anchors(trust_anchors or ())
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:  # a damaged file: say so once rather than fail the whole document
        return [_unreadable()]
    if not embedded:  # a signature dictionary is there but its field cannot be found
        return [_unreadable()]
    content = _Content(reader)
    found = [_verify(signature, anchors, content) for signature in embedded]
    if not data.rstrip(b"\r\n\t \x00").endswith(b"%%EOF"):
        for signature in found:  # later revisions (and their signatures) may be lost
            signature.covers_whole_file = False
            signature.problems.insert(0, PROBLEM_TRUNCATED)
    return found


def _unreadable(signer: str | None = None) -> DigitalSignature:
    return DigitalSignature(
        signer=signer,
        organisation=None,
        signed_at=None,
        covers_whole_file=False,
        modified_after=None,
        certificate_valid_at_signing=None,
        problems=[PROBLEM_UNREADABLE, PROBLEM_OFFLINE],
    )


def _verify(signature, anchors: list, content: _Content) -> DigitalSignature:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        subject = signature.signer_cert.subject.native
    except Exception:
        return _unreadable()
    signer = _first(subject.get("common_name"))
    organisation = (
        ", ".join(
            _first(subject.get(key))
            for key in ("organizational_unit_name", "organization_name")
            if subject.get(key) and _first(subject.get(key)) != signer
        )
        or None
    )
    stated = signature.self_reported_timestamp
    try:
        context = ValidationContext(
            trust_roots=anchors,
            allow_fetching=False,
            revocation_mode="soft-fail",
            moment=stated,
            best_signature_time=stated,
        )
        status = validate_pdf_signature(signature, context, skip_diff=True)
    except Exception:
        return _unreadable(signer)
    when = stated or (status.timestamp_validity.timestamp if status.timestamp_validity else None)
    problems: list[str] = []
    if not status.intact:
        problems.append(PROBLEM_BROKEN)
    elif not status.valid:
        problems.append(PROBLEM_INVALID)
    modified = content.changed_after(signature.signed_revision)
    if modified:
        problems.append(PROBLEM_MODIFIED)
    valid_at_signing = _trust(status, anchors) if status.intact else None
    if valid_at_signing is None and status.intact:
        problems.append(PROBLEM_NO_ANCHOR)
    elif not valid_at_signing:
        problems.append(PROBLEM_CERTIFICATE)
    problems.append(PROBLEM_OFFLINE)
    return DigitalSignature(
        signer=signer,
        organisation=organisation,
        signed_at=when.isoformat() if when else None,
        covers_whole_file=status.coverage.name == "ENTIRE_FILE" and status.intact,
        modified_after=modified,
        certificate_valid_at_signing=valid_at_signing,
        problems=problems,
    )


def _first(value) -> str:
    """One value of a certificate's name, in NFC (certificates often carry decomposed marks)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    return unicodedata.normalize("NFC", str(value or "").strip())


def _trust(status, anchors: list) -> bool | None:
    """True when the chain to an installed anchor holds at the signing time; None when no
    anchor for the issuer is installed; False when the chain is there but fails."""
    if status.trusted:
        return True
    if not anchors:
        return None
    indication = getattr(status, "trust_problem_indic", None)
    if indication is None or indication.name in {
        "NO_CERTIFICATE_CHAIN_FOUND",
        "NO_CERTIFICATE_CHAIN_FOUND_NO_POE",
    }:
        return None
    return False


class _Content:
    """What the page content of each revision is made of, to tell a later revision that
    redraws the pages from one that only adds annotations and signatures."""

    def __init__(self, reader) -> None:
        self.reader = reader
        self.revisions = reader.xrefs.total_revisions
        # The earliest revision known to be followed by no change of content: any later
        # revision has the same pages and drawing, and fewer revisions after it.
        self.clean_from: int | None = None

    def changed_after(self, revision: int) -> bool | None:
        if revision >= self.revisions - 1:
            return False
        if self.clean_from is not None and revision >= self.clean_from:
            return False
        changed = self._changed_after(revision)
        if changed is False:
            self.clean_from = revision
        return changed

    def _changed_after(self, revision: int) -> bool | None:
        try:
            pages, drawn, nodes = self._content_refs(revision)
            old = self.reader.get_historical_resolver(revision)
            for later in range(revision + 1, self.revisions):
                new = self.reader.get_historical_resolver(later)
                for ref in self.reader.xrefs.explicit_refs_in_revision(later):
                    if ref in drawn:
                        return True
                    if ref in pages and _page_changed(old.get_object(ref), new.get_object(ref)):
                        return True
                    if ref in nodes and _node_changed(old.get_object(ref), new.get_object(ref)):
                        return True
            return False
        except Exception:
            return None

    def _content_refs(self, revision: int):
        from pyhanko.pdf_utils.generic import IndirectObject

        resolver = self.reader.get_historical_resolver(revision)
        pages, drawn, nodes = set(), set(), set()

        def refs(value) -> list:
            if isinstance(value, IndirectObject):
                return [value.reference]
            if isinstance(value, list):
                return [v.reference for v in value if isinstance(v, IndirectObject)]
            return []

        def resources(dictionary, depth: int) -> None:
            if depth > 3 or "/Resources" not in dictionary:
                return
            xobjects = dictionary["/Resources"].get("/XObject")
            for name in xobjects or ():
                raw = xobjects.raw_get(name)
                for ref in refs(raw):
                    if ref not in drawn:
                        drawn.add(ref)
                        resources(xobjects[name], depth + 1)

        def walk(node_ref, depth: int) -> None:
            node = node_ref.get_object()
            if depth > 50:
                return
            if node.get("/Type") == "/Pages":
                nodes.update(refs(node_ref))
                for kid in node.raw_get("/Kids"):
                    walk(kid, depth + 1)
                return
            pages.update(refs(node_ref))
            if "/Contents" in node:
                drawn.update(refs(node.raw_get("/Contents")))
            resources(node, 0)

        walk(resolver.root.raw_get("/Pages"), 0)
        return pages, drawn, nodes


def _page_changed(old, new) -> bool:
    keys = (set(old) | set(new)) - {"/Annots"}
    return any(old.raw_get(k) != new.raw_get(k) if k in old and k in new else True for k in keys)


def _node_changed(old, new) -> bool:
    return old.raw_get("/Count") != new.raw_get("/Count") or list(old.raw_get("/Kids")) != list(
        new.raw_get("/Kids")
    )
