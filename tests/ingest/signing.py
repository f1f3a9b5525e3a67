"""A certificate authority made in the test and PDFs signed with pyHanko, for the signature
tests: the real e-office files are signed under the Government Cipher Committee's CAs, whose
certificates cannot be fetched here, so trust is proved on signatures we make ourselves."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

NOW = dt.datetime.now(dt.UTC)


@dataclass
class Identity:
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey

    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def write(self, path: Path) -> Path:
        path.write_bytes(self.pem())
        return path


def _name(common: str, organisation: str | None = None, unit: str | None = None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    if unit:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    return x509.Name(parts)


def make_ca(common: str = "CA thử nghiệm Danvan") -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    name = _name(common, "Danvan")
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=3650))
        .not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    return Identity(certificate, key)


def make_signer(
    ca: Identity,
    common: str,
    organisation: str | None = None,
    unit: str | None = None,
    *,
    valid_from: dt.datetime | None = None,
    valid_to: dt.datetime | None = None,
) -> Identity:
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(common, organisation, unit))
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(valid_from or NOW - dt.timedelta(days=30))
        .not_valid_after(valid_to or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), False
        )
        .sign(ca.key, hashes.SHA256())
    )
    return Identity(certificate, key)


def sign(data: bytes, who: Identity, field: str) -> bytes:
    """`data` with one more signature (an incremental update), made by `who` with pyHanko."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(
            who.certificate.public_bytes(serialization.Encoding.DER)
        ),
        signing_key=asn1_keys.PrivateKeyInfo.load(
            who.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        cert_registry=SimpleCertificateStore(),
    )

    def run() -> bytes:
        writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
        meta = signers.PdfSignatureMetadata(field_name=field)
        return signers.sign_pdf(writer, meta, signer=signer).getvalue()

    # pyHanko runs its own event loop: outside the one a browser test may have left running.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def redraw_page(data: bytes, text: str) -> bytes:
    """An incremental update that replaces page 1's content stream: what a forger would do."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    page_ref = writer.root["/Pages"]["/Kids"].raw_get(0).reference
    page = page_ref.get_object()
    stream = generic.StreamObject(
        stream_data=b"BT /F1 12 Tf 72 770 Td (" + text.encode("latin-1") + b") Tj ET"
    )
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
