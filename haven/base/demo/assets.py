"""Files the demo needs (infographic images, event flyers), drawn here so the
repository carries no binaries and the demo works offline."""

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

INK = (27, 27, 31)
BRAND = (75, 44, 131)
TINT = (243, 241, 248)


# Pillow's built-in font has ASCII letters only; text with accents (Spanish)
# needs a system font. Debian's fonts-dejavu-core is the usual one.
UNICODE_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


def unicode_font_path() -> str | None:
    return next((path for path in UNICODE_FONTS if Path(path).exists()), None)


def can_draw(text: str) -> bool:
    """Whether infographic_png can draw every letter of the text."""
    return text.isascii() or unicode_font_path() is not None


def _font(size: int, text: str):
    if text.isascii():
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(unicode_font_path(), size=size - 6)


def infographic_png(*, title: str, points: list[str], width: int = 1200) -> bytes:
    everything = " ".join([title, *points])
    title_font = _font(64, everything)
    body_font = _font(38, everything)
    wrapped = [textwrap.wrap(point, width=48) for point in points]
    line_height = 52
    height = 220 + sum(len(lines) * line_height + 36 for lines in wrapped) + 60
    image = Image.new("RGB", (width, height), TINT)
    draw = ImageDraw.Draw(image)
    draw.rectangle([(0, 0), (width, 160)], fill=BRAND)
    draw.text((60, 45), title, font=title_font, fill=(255, 255, 255))
    y = 220
    for lines in wrapped:
        draw.ellipse([(60, y + 12), (84, y + 36)], fill=BRAND)
        for line in lines:
            draw.text((110, y), line, font=body_font, fill=INK)
            y += line_height
        y += 36
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def flyer_pdf(*, title: str, lines: list[str]) -> bytes:
    """A one-page PDF with a title and wrapped lines, using a built-in font."""
    content = ["BT", "/F1 26 Tf", "72 720 Td", f"({_pdf_escape(title)}) Tj", "/F1 13 Tf", "0 -40 Td"]
    for paragraph in lines:
        for line in textwrap.wrap(paragraph, width=78) or [""]:
            content.append(f"({_pdf_escape(line)}) Tj")
            content.append("0 -18 Td")
        content.append("0 -10 Td")
    content.append("ET")
    stream = "\n".join(content).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref_at = output.tell()
    output.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        output.write(f"{offset:010d} 00000 n \n".encode())
    output.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    )
    return output.getvalue()
