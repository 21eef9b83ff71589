"""Photos as phones and tablets make them, made here with Pillow: a JPEG that says where and
when it was taken (GPS and camera in its EXIF, XMP, a comment, a colour profile), turned
by its EXIF orientation, and the other kinds a browser may send."""

import functools
import io
import struct
import zlib

from PIL import ExifTags, Image, ImageCms, ImageDraw

# Where Mette's phone says the photo was taken: Aarhus Rådhus.
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (56.0, 9.0, 12.5),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (10.0, 12.0, 13.25),
}
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description photoshop:City="Aarhus-XMP"/></x:xmpmeta>'
COMMENT = b"Mettes-telefon-kommentar"


def picture(width, height, colour=(200, 120, 60), mode="RGB"):
    """A picture with something in it (JPEG keeps a flat colour too small to test sizes)."""
    image = Image.new(mode, (width, height), colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, max(width, height), 37):
        draw.line([(step, 0), (0, step)], fill=(20, 40, 160) if mode == "RGB" else 0, width=9)
    # A mark in the top left corner, to see which way up the picture was turned.
    draw.rectangle([0, 0, width // 5, height // 5], fill=(255, 0, 0) if mode == "RGB" else 0)
    return image


@functools.cache  # bytes: the same photo for every test that takes it, made once
def phone_jpeg(width=3000, height=2000, *, orientation=1, with_gps=True):
    """A JPEG as a phone's camera writes it: EXIF with the camera, the time and (with
    `with_gps`) the place, an orientation, XMP, a comment and an ICC colour profile."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Mettes telefon"
    exif[ExifTags.Base.Model] = "Model-7Q"
    exif[ExifTags.Base.DateTime] = "2026:12:07 10:11:12"
    exif[ExifTags.Base.Orientation] = orientation
    if with_gps:
        exif[ExifTags.IFD.GPSInfo] = GPS
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    out = io.BytesIO()
    picture(width, height).save(
        out, "JPEG", quality=90, exif=exif, xmp=XMP, comment=COMMENT, icc_profile=icc
    )
    return out.getvalue()


@functools.cache
def as_kind(kind, width=1200, height=900):
    out = io.BytesIO()
    if kind == "png":
        image = picture(width, height).convert("RGBA")
        image.putpixel((width - 1, height - 1), (0, 0, 0, 0))  # a transparent corner
        image.save(out, "PNG")
    elif kind == "webp":
        picture(width, height).save(out, "WEBP", quality=80)
    else:
        picture(width, height).save(out, "JPEG", quality=90)
    return out.getvalue()


def png_that_claims(width, height):
    """A tiny PNG file whose header says it is `width` x `height` pixels: what a
    decompression bomb looks like before it is decoded."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1000)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def exif_of(data):
    return Image.open(io.BytesIO(data)).getexif()


def gps_of(data):
    return dict(exif_of(data).get_ifd(ExifTags.IFD.GPSInfo))
