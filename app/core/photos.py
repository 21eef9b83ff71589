"""A photo a person sent, made into what KLAPjob keeps: a small JPEG, upright, with
nothing in it but the picture.

The browser's word (file name, type) is not believed: Pillow reads the bytes, and only
JPEG, PNG and WebP are tried (HEIC is not read by the Pillow installed here; a phone's
browser sends a JPEG for `accept="image/*"`). The caller bounds the bytes before this reads
them; the picture's size in pixels is checked from its header before it is decoded (a
small file can claim billions of pixels), and Pillow's own decompression-bomb check stands
behind that. The picture is made at most `LONGEST_SIDE` pixels on its long side, the
camera's orientation is applied, it is turned into sRGB where it carried a colour profile,
and drawn onto a fresh image that is saved as a new JPEG: no EXIF (where, when, which
camera), no XMP, no comment, no colour profile, no thumbnail goes with it.
"""

import io
import struct
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

FORMATS = ("JPEG", "PNG", "WEBP")
LONGEST_SIDE = 600
# A 48-megapixel phone camera's photo passes; more is refused before it is decoded (a PNG
# of this size still takes 200 MB of memory while it is made small: no JPEG draft for it).
MOST_PIXELS = 50_000_000
QUALITY = 85
MIME_TYPE = "image/jpeg"


class NotAPhoto(Exception):
    """`reason`: "not_image" (no picture we read in it) or "too_big" (too many pixels)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Photo:
    data: bytes  # the new JPEG
    width: int
    height: int


def clean_photo(data: bytes) -> Photo:
    """The photo in `data` as KLAPjob keeps it; NotAPhoto otherwise."""
    try:
        with warnings.catch_warnings():
            # Pillow warns past MAX_IMAGE_PIXELS and refuses at twice that: refuse at once.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _clean(data)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise NotAPhoto("too_big") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise NotAPhoto("not_image") from error
    except (IndexError, KeyError, TypeError, struct.error) as error:
        # A damaged header can trip a plugin's parser in other ways too.
        raise NotAPhoto("not_image") from error


def _clean(data: bytes) -> Photo:
    with Image.open(io.BytesIO(data), formats=FORMATS) as opened:
        if opened.width * opened.height > MOST_PIXELS:
            raise NotAPhoto("too_big")
        icc = opened.info.get("icc_profile")
        # Small first (within a square, so before it is turned): a big JPEG is decoded at
        # a half, a quarter or an eighth of its size (Pillow's draft), less memory and time.
        opened.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS)
        upright = ImageOps.exif_transpose(opened)
    picture = _in_srgb(_without_transparency(upright), icc)
    fresh = Image.new("RGB", picture.size)  # nothing of the file's info comes along
    fresh.paste(picture)
    out = io.BytesIO()
    fresh.save(out, "JPEG", quality=QUALITY, optimize=True)
    return Photo(out.getvalue(), fresh.width, fresh.height)


def _without_transparency(picture: Image.Image) -> Image.Image:
    """Transparent parts on white, as on the page and the paper."""
    if picture.mode in ("RGBA", "LA", "PA") or (
        picture.mode == "P" and "transparency" in picture.info
    ):
        rgba = picture.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return picture.convert("RGB")


def _in_srgb(picture: Image.Image, icc: bytes | None) -> Image.Image:
    """A picture with a colour profile (a phone's Display P3), in sRGB: its colours stay
    as they were when the profile is dropped. A profile that cannot be read is ignored."""
    if not icc:
        return picture
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            picture, source, ImageCms.createProfile("sRGB"), outputMode="RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return picture
    return converted if converted is not None else picture
