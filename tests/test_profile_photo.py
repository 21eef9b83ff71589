"""A photo of Mette on her job profile, only if she wants one: taken with the tablet's
camera or picked on her phone, made small and stripped on the server of where and when it
was taken (read back from what is stored), shown on her profile and its paper, on an
employer's version only with that version's own yes, never in a mail, and gone with her.
What is not a photo, or far too big, is refused kindly beside the field."""

import io
from datetime import timedelta

import pytest
from PIL import Image
from pypdf import PdfReader

from app.core import clock
from html_checker import html_errors
from pages import Page, location_path
from people import MYSELF_IN_AARHUS, Visitor
from photos import COMMENT, XMP, as_kind, exif_of, gps_of, phone_jpeg, png_that_claims
from readability import reading
from staff import register, staff_member
from test_job_profile_back_office import profile_url
from test_profile_on_one_page import FROM_KARL, LONG_ANSWERS, pdf_pages
from test_voice_answers import database_bytes

PROFILE = "/register/profile"
ASKED = "Vil du have et billede af dig på profilen?"
BY_EMAIL = {
    **MYSELF_IN_AARHUS,
    "contact": {"contact_method": "email"},
    "email": {"email": "mette@mail.dk"},
}


def mette_sends(client, answers=MYSELF_IN_AARHUS):
    mette = Visitor(client)
    mette.answer_all(answers)
    assert mette.send().status_code == 302
    return mette


def photo_form(page):
    return page.soup.find("form", action=f"{PROFILE}/photo")


def sends_photo(mette, data, filename="billede.jpg", mimetype="image/jpeg"):
    """Mette picks a photo (or takes one) in the profile's file input and sends it."""
    page = mette.open(PROFILE)
    form = photo_form(page)
    assert form is not None, "the photo's form is on her profile"
    field = form.find("input", {"type": "file"})
    return mette.client.post(
        form["action"],
        data={
            "csrf_token": page.csrf_token(),
            field["name"]: (io.BytesIO(data), filename, mimetype),
        },
        content_type="multipart/form-data",
    )


def stored(db):
    return list(db.query("SELECT * FROM profile_photos"))


def photo_on(page):
    return page.soup.select_one(".profile .profile__photo")


def test_the_profile_asks_for_a_photo_a_phone_opens_its_camera_or_gallery(client):
    mette = mette_sends(client)
    page = mette.open(PROFILE)
    assert ASKED in page.text()
    form = photo_form(page)
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data"
    field = form.find("input", {"type": "file"})
    assert (field["accept"], field["capture"]) == ("image/*", "user")
    label = page.soup.find("label", {"for": field["id"]})
    assert label.get_text(strip=True) == "Tag et billede, eller vælg et"
    assert "Der er ikke noget billede på din profil nu." in page.text()
    assert photo_on(page) is None, "no photo until she sends one"


def test_the_words_about_the_photo_say_who_sees_it_and_are_easy_to_read(client):
    page = mette_sends(client).open(PROFILE)
    section = page.soup.select_one("#photo-choice")
    text = section.get_text(" ")
    assert "Det er kun på din profil." in text
    assert "Det er aldrig i en mail." in text
    assert "En arbejdsgiver ser det kun, hvis du også siger ja til det." in text
    assert "Vi sletter, hvor og hvornår det blev taget." in text
    lines = [line for line in section.get_text("\n").splitlines() if line.strip()]
    read = reading(lines)
    assert read.lix <= 24, read
    assert max(len(sentence.split()) for sentence in read.sentences) <= 15


def test_her_photo_is_stored_small_and_without_where_and_when_it_was_taken(client, db):
    taken = phone_jpeg(3000, 2000)
    assert gps_of(taken) and b"Aarhus-XMP" in taken and COMMENT in taken, "the control"
    mette = mette_sends(client)
    response = sends_photo(mette, taken)
    assert response.status_code == 302
    assert location_path(response) == f"{PROFILE}#photo-choice", "back where the photo is"

    [row] = stored(db)
    kept = row["image"]
    assert len(kept) < len(taken) / 10 and row["size"] == len(kept)
    image = Image.open(io.BytesIO(kept))
    assert image.format == "JPEG" and max(image.size) == 600
    assert image.size == (600, 400) == (row["width"], row["height"])
    assert dict(exif_of(kept)) == {} and gps_of(kept) == {}
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    for trace in (b"Exif", b"GPS", b"Mettes telefon", b"Model-7Q", b"2026:12:07", XMP[:20]):
        assert trace not in kept, trace
    assert COMMENT not in kept and b"Aarhus-XMP" not in kept and b"ICC_PROFILE" not in kept


def test_mette_sees_her_photo_on_her_profile_and_only_she_can_fetch_it(app, client, db):
    mette = mette_sends(client)
    sends_photo(mette, phone_jpeg())
    page = mette.open(PROFILE)
    shown = photo_on(page)
    assert shown is not None and shown["alt"] == "Mit billede"
    assert "Dit billede er på din profil nu." in page.text()
    preview = page.soup.select_one("#photo-choice img")
    assert preview is not None and preview["src"] == shown["src"], "she sees what she sent"
    fetched = client.get(shown["src"])
    assert (fetched.status_code, fetched.mimetype) == (200, "image/jpeg")
    assert fetched.data == stored(db)[0]["image"]
    assert fetched.headers["Cache-Control"] == "no-store"
    assert app.test_client().get(shown["src"]).status_code == 404, "a stranger gets nothing"
    assert client.get(f"{PROFILE}/photo/{'x' * 16}").status_code == 404


def test_a_photo_taken_on_its_side_is_turned_upright(client, db):
    # The camera stored it lying down (3000 x 2000) and says "turn it 90 degrees".
    sends_photo(mette_sends(client), phone_jpeg(3000, 2000, orientation=6))
    [row] = stored(db)
    image = Image.open(io.BytesIO(row["image"])).convert("RGB")
    assert image.size == (400, 600), "upright: taller than wide"
    assert dict(image.getexif()) == {}, "no orientation left to apply twice"
    red, _green, _blue = image.getpixel((image.width - 10, 10))
    assert red > 200, "the camera's top left corner is now at the top right"


@pytest.mark.parametrize("kind", ["png", "webp", "jpeg"])
def test_what_a_phone_or_a_computer_sends_is_kept_as_a_small_jpeg(client, db, kind):
    response = sends_photo(mette_sends(client), as_kind(kind), f"b.{kind}", "image/" + kind)
    assert response.status_code == 302
    [row] = stored(db)
    image = Image.open(io.BytesIO(row["image"]))
    assert image.format == "JPEG" and image.mode == "RGB" and image.size == (600, 450)


def refusal(page):
    return page.soup.select_one("#photo-choice .error-message")


def test_a_file_that_is_no_photo_is_refused_kindly_and_nothing_else_changes(client, db):
    mette = mette_sends(client)
    sends_photo(mette, phone_jpeg())
    before = stored(db)
    response = sends_photo(mette, b"%PDF-1.7 not a photo at all", "billede.jpg", "image/jpeg")
    assert response.status_code == 400
    page = Page(response)
    assert "Vi kunne ikke se et billede i den fil." in refusal(page).get_text(" ")
    field = photo_form(page).find("input", {"type": "file"})
    assert field["aria-invalid"] == "true"
    assert page.soup.select_one(".error-summary a")["href"] == f"#{field['id']}"
    assert stored(db) == before, "her photo from before is still there"
    assert "Det er mig: Mette Hansen" in page.text(), "her profile is all there"


def test_a_photo_too_big_is_refused_kindly_beside_the_field(app, client, db):
    app.config["PHOTO_KB"] = 1200
    mette = mette_sends(client)
    response = sends_photo(mette, phone_jpeg(3000, 2000))  # 2 MB: past 1.2 MB, not twice that
    assert response.status_code == 400
    assert "Billedet fylder for meget." in refusal(Page(response)).get_text(" ")
    assert stored(db) == []


def test_a_photo_far_too_big_gets_a_kind_page(app, client, db):
    app.config["PHOTO_KB"] = 4
    mette = mette_sends(client)
    response = sends_photo(mette, phone_jpeg(3000, 2000))
    assert response.status_code == 413
    page = Page(response)
    assert page.h1 == "Billedet er for stort"
    assert "Gå tilbage. Vælg et mindre billede." in page.text()
    assert stored(db) == []
    assert mette.open(PROFILE).soup.select_one("#photo-choice") is not None


def test_a_picture_of_too_many_pixels_is_refused_before_it_is_decoded(client, db):
    bomb = png_that_claims(40_000, 40_000)  # 74 bytes that would be 4.8 GB of pixels
    response = sends_photo(mette_sends(client), bomb, "b.png", "image/png")
    assert response.status_code == 400
    assert "Billedet fylder for meget." in refusal(Page(response)).get_text(" ")
    assert stored(db) == []


def test_she_takes_another_photo_and_then_removes_it(client, db):
    mette = mette_sends(client)
    sends_photo(mette, phone_jpeg())
    first = photo_on(mette.open(PROFILE))["src"]
    page = mette.open(PROFILE)
    assert photo_form(page).find("label").get_text(strip=True) == "Tag et andet billede"
    sends_photo(mette, as_kind("png"), "b.png", "image/png")
    second = photo_on(mette.open(PROFILE))["src"]
    assert second != first and client.get(first).status_code == 404
    assert len(stored(db)) == 1

    page = mette.open(PROFILE)
    remove = page.soup.find("form", action=f"{PROFILE}/photo/remove")
    assert remove.find("button").get_text(strip=True) == "Fjern billedet"
    response = client.post(remove["action"], data={"csrf_token": page.csrf_token()})
    assert response.status_code == 302
    page = mette.open(PROFILE)
    assert photo_on(page) is None and "Der er ikke noget billede på din profil nu." in page.text()
    assert stored(db) == [] and client.get(second).status_code == 404


def test_the_log_says_when_she_added_and_removed_her_photo(client, db):
    mette = mette_sends(client)
    sends_photo(mette, phone_jpeg())
    page = mette.open(PROFILE)
    client.post(f"{PROFILE}/photo/remove", data={"csrf_token": page.csrf_token()})
    rows = list(db.query("SELECT action, detail, user_id FROM audit_log ORDER BY id"))
    photo = [r for r in rows if "photo" in r["action"]]
    assert [r["action"] for r in photo] == ["profile_photo_added", "profile_photo_removed"]
    assert all(r["user_id"] is None and r["detail"] == "" for r in photo), "the person did it"


def test_her_pdf_has_her_photo_without_its_metadata(client):
    mette = mette_sends(client)
    before = PdfReader(io.BytesIO(client.get(f"{PROFILE}.pdf").data))
    assert [image for page in before.pages for image in page.images] == []
    sends_photo(mette, phone_jpeg())
    reader = PdfReader(io.BytesIO(client.get(f"{PROFILE}.pdf").data))
    assert len(reader.pages) == 1
    [drawn] = reader.pages[0].images
    assert drawn.image.size == (600, 400)


def test_her_photo_never_goes_in_the_mail(app_with_mail, mail_server):
    client = app_with_mail.test_client()
    mette = mette_sends(client, BY_EMAIL)
    sends_photo(mette, phone_jpeg())
    assert photo_on(mette.open(PROFILE)) is not None
    response = client.post(
        f"{PROFILE}/email",
        data={"csrf_token": mette.open(PROFILE).csrf_token(), "person_agrees": "y"},
    )
    assert response.status_code == 302
    message = mail_server.inbox.messages[-1]
    assert [part.get_content_maintype() for part in message.walk()].count("image") == 0
    assert "/photo/" not in mail_server.inbox.bodies()[-1]


def karl_opens(app, db):
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    [row] = db.query("SELECT public_id FROM registrations")
    return karl, f"/staff/registrations/{row['public_id']}/profile"


def test_karl_sees_her_photo_on_her_profile_as_she_does(app, client, db):
    sends_photo(mette_sends(client), phone_jpeg())
    karl, profile = karl_opens(app, db)
    shown = photo_on(karl.open(profile))
    fetched = karl.client.get(shown["src"])
    assert fetched.status_code == 200 and fetched.data == stored(db)[0]["image"]
    assert fetched.headers["Cache-Control"] == "no-store"
    pdf = PdfReader(io.BytesIO(karl.client.get(f"{profile}.pdf").data))
    assert len(pdf.pages[0].images) == 1


def employer_yes(karl, profile, employer, **more):
    return karl.post_form(
        f"{profile}/employers",
        {"employer": employer, "agreed_on": clock.today().isoformat(), **more},
        form_on=profile,
    )


def employer_versions(karl, profile):
    """(page, PDF) of each employer's version, in the order the yeses were given."""
    links = karl.open(profile).soup.select("a[href*='/employers/']")
    pages = [karl.open(a["href"]) for a in links if not a["href"].endswith(".pdf")]
    pdfs = [
        PdfReader(io.BytesIO(karl.client.get(a["href"]).data))
        for a in links
        if a["href"].endswith(".pdf")
    ]
    return list(zip(pages, pdfs, strict=True))


def test_the_employer_sees_her_photo_only_with_that_versions_own_yes(app, client, db):
    sends_photo(mette_sends(client), phone_jpeg())
    karl, profile = karl_opens(app, db)
    box = karl.open(profile).soup.find("input", {"name": "with_photo"})
    assert box is not None and not box.has_attr("checked"), "the yes is never ticked for her"
    employer_yes(karl, profile, "Bageriet Hansen")
    employer_yes(karl, profile, "Kantinen Syd", with_photo="y")
    [(without, without_pdf), (with_photo, with_pdf)] = employer_versions(karl, profile)

    assert without.h1 == "Jobprofil til Bageriet Hansen" and photo_on(without) is None
    assert len(without_pdf.pages[0].images) == 0 and len(without_pdf.pages) == 1
    assert with_photo.h1 == "Jobprofil til Kantinen Syd"
    fetched = karl.client.get(photo_on(with_photo)["src"])
    assert fetched.status_code == 200 and fetched.data == stored(db)[0]["image"]
    assert fetched.headers["Cache-Control"] == "no-store"
    [drawn] = with_pdf.pages[0].images
    assert drawn.image.size == (600, 400) and len(with_pdf.pages) == 1
    other_yes = without.response.request.path.rsplit("/", 1)[-1]
    photo_id = stored(db)[0]["public_id"]
    elsewhere = f"{profile}/employers/{other_yes}/photo/{photo_id}"
    assert karl.client.get(elsewhere).status_code == 404
    assert "Med personens billede." in karl.open(profile).text()


def test_when_mette_removes_her_photo_no_employer_sees_it(app, client, db):
    mette = mette_sends(client)
    sends_photo(mette, phone_jpeg())
    karl, profile = karl_opens(app, db)
    employer_yes(karl, profile, "Kantinen Syd", with_photo="y")
    [(page, _pdf)] = employer_versions(karl, profile)
    address = photo_on(page)["src"]
    client.post(f"{PROFILE}/photo/remove", data={"csrf_token": mette.open(PROFILE).csrf_token()})
    [(page, pdf)] = employer_versions(karl, profile)
    assert photo_on(page) is None and len(pdf.pages[0].images) == 0
    assert karl.client.get(address).status_code == 404
    assert "Personen har ikke noget billede på profilen." in karl.open(profile).text()


def test_with_long_answers_and_her_photo_both_versions_stay_on_one_page(app, db):
    mette_row = register(app, LONG_ANSWERS)
    karl = staff_member(app, "consultant", name="Karl Jensen", covers=("751",)).sign_in()
    with app.test_request_context():
        from app.domain.registrations.profile_photo import keep_photo

        keep_photo(db, mette_row["id"], phone_jpeg(2000, 3000))
    assert karl.post_form(profile_url(mette_row), FROM_KARL).status_code == 302
    employer_yes(karl, profile_url(mette_row), "Bageriet Hansen", with_photo="y")
    [(_page, employer_pdf)] = employer_versions(karl, profile_url(mette_row))
    own = karl.client.get(f"{profile_url(mette_row)}.pdf").data
    assert len(pdf_pages(own)) == 1 and len(PdfReader(io.BytesIO(own)).pages[0].images) == 1
    assert len(employer_pdf.pages) == 1 and len(employer_pdf.pages[0].images) == 1
    for about in ("God til", "Andre siger", "Hjælper", "Karl: hjalp"):
        assert f"{about}: jeg vil gerne vide" in " ".join(
            employer_pdf.pages[0].extract_text().split()
        )


def test_deleting_the_person_leaves_no_photo_row_and_no_byte_of_it(app, client, db):
    sends_photo(mette_sends(client), phone_jpeg())
    [photo] = stored(db)
    piece = photo["image"][len(photo["image"]) // 2 :][:64]
    assert piece in database_bytes(app), "the control: the photo is in the file"
    [row] = db.query("SELECT public_id, reference FROM registrations")
    anna = staff_member(app, "admin")
    anna.sign_in()
    url = f"/staff/registrations/{row['public_id']}"
    anna.open(f"{url}/delete")
    anna.post_form(f"{url}/delete", {"reference": row["reference"]})
    assert stored(db) == []
    assert piece not in database_bytes(app)


def test_a_photo_she_replaces_or_removes_leaves_no_byte_of_it(app, client, db):
    """As when the person is deleted: gone from the database file and its write-ahead log."""
    mette = mette_sends(client)
    sends_photo(mette, phone_jpeg())
    [first] = stored(db)
    first_piece = first["image"][len(first["image"]) // 2 :][:64]
    assert first_piece in database_bytes(app), "the control: the photo is in the file"
    sends_photo(mette, as_kind("png"), "b.png", "image/png")
    assert first_piece not in database_bytes(app), "a new photo: the old one is gone"
    [second] = stored(db)
    second_piece = second["image"][len(second["image"]) // 2 :][:64]

    page = mette.open(PROFILE)
    client.post(f"{PROFILE}/photo/remove", data={"csrf_token": page.csrf_token()})

    assert stored(db) == [] and second_piece not in database_bytes(app)


def test_the_purge_deletes_the_photo_with_the_closed_registration(app, client, db):
    from app.staff.data_requests.data.personal_data import purge

    sends_photo(mette_sends(client), phone_jpeg())
    [photo] = stored(db)
    piece = photo["image"][len(photo["image"]) // 2 :][:64]
    long_ago = clock.iso(clock.now() - timedelta(days=400))
    db.execute("UPDATE registrations SET status = 'closed', closed_at = ?", [long_ago])
    db.conn.commit()
    with app.app_context():
        purge(db)
    assert stored(db) == [] and piece not in database_bytes(app)


def test_her_data_file_holds_her_photo(app, client, db):
    import base64
    import json

    sends_photo(mette_sends(client), phone_jpeg())
    anna = staff_member(app, "admin")
    anna.sign_in()
    [row] = db.query("SELECT public_id FROM registrations")
    data = json.loads(anna.client.get(f"/staff/registrations/{row['public_id']}/data.json").data)
    photo = data["job_profile"]["photo"]
    assert photo["type"] == "image/jpeg" and (photo["width"], photo["height"]) == (600, 400)
    assert base64.b64decode(photo["image_base64"]) == stored(db)[0]["image"]


def test_her_profile_and_the_employers_version_with_her_photo_are_valid_html(
    app, client, db, tmp_path
):
    sends_photo(mette_sends(client), phone_jpeg())
    karl, profile = karl_opens(app, db)
    employer_yes(karl, profile, "Kantinen Syd", with_photo="y")
    [(employer, _pdf)] = employer_versions(karl, profile)
    pages = {"her": Visitor(client).open(PROFILE), "karl": karl.open(profile), "employer": employer}
    files = []
    for name, page in pages.items():
        assert photo_on(page) is not None, name
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(page.response.get_data(as_text=True))
    assert html_errors(files) == []
