"""A word means one thing on every page: "værksted" is the sheltered workshop a person may
work at now, never a kind of work they wish for."""

from flask_babel import force_locale

from app.domain.questions import choices


def test_a_work_wish_is_never_called_a_workshop(app):
    with app.test_request_context(), force_locale("da"):
        wishes = [str(choice.label).lower() for choice in choices.WORK]
        now = [str(choice.label).lower() for choice in choices.ACTIVITIES]
    assert any("værksted" in label for label in now), "the sheltered workshop keeps its word"
    assert [label for label in wishes if "værksted" in label] == []
