"""People who use the site in the tests, and the answers they give."""

from pages import Page, location_path

MYSELF_IN_AARHUS = {
    "who": {"filled_by": "self"},
    "name": {"name": "Mette Hansen"},
    "contact": {"contact_method": "phone"},
    "phone": {"phone": "+45 20-30 40 50"},
    "call_time": {"call_time": ["morning"]},
    "voicemail": {"voicemail": "yes"},
    "municipality": {"municipality": "751"},
    "place": {"place": "8000 Aarhus C"},
    "age": {"age_group": "18_24"},
    "parent": {"parent_name": "", "parent_phone": ""},
    "guardian": {"guardian": "no"},
    "activity": {"activity": ["stu"]},
    "stu_end": {"stu_end": "under_half_year"},
    "experience": {"experience": ["praktik"], "experience_text": "Praktik i en kantine."},
    "support": {"support": ["pension"]},
    "pension": {"pension_questions": "yes", "pension_question_text": "Hvad må jeg tjene?"},
    "situation": {"situation": ["resource_programme"]},
    "caseworker": {"caseworker": "yes"},
    "work": {"work_wishes": ["kitchen", "cafe"]},
    "strengths": {"strengths": ["people", "cooking"], "strengths_text": "Jeg kan lide at bage."},
    "good_at": {
        "good_at": ["on_time", "careful"],
        "good_at_text": "Jeg er god til at bage boller.",
    },
    "others_say": {
        "others_say": "Mette er altid glad og hjælper gerne.",
        "others_say_by": "Hanne, min mor",
    },
    "hours": {"hours": "5_9"},
    "days": {"work_days": ["weekdays"]},
    "times": {"work_times": ["morning"]},
    "transport": {"transport": ["bus_train"]},
    "travel_time": {"travel_time": "30"},
    "needs": {"needs": ["quiet", "same_tasks"]},
    "health": {"health": "Jeg har autisme."},
    "other_contact": {
        "other_contact_name": "Hanne Hansen",
        "other_contact_role": "relative",
        "other_contact_phone": "40 50 60 70",
    },
    "meeting_company": {"meeting_company": ["relative"]},
    "interpreter": {"interpreter": "no"},
    "ambassador": {"ambassador": "yes"},
}

HELPED_BY_SUPPORT_WORKER = {
    **MYSELF_IN_AARHUS,
    "who": {"filled_by": "helper"},
    "helper": {
        "helper_name": "Jonas Berg",
        "helper_role": "support_worker",
        "helper_contact": "jonas@bosted.dk",
        "helper_confirm": "y",
    },
    "name": {"name": "Ali Khan"},
    "contact": {"contact_method": "helper"},
    "municipality": {"municipality": "101"},
    "health": {"health": ""},
    "others_say": {
        "others_say": "Ali er altid klar til at hjælpe.",
        "others_say_by": "Jonas, hans bostøtte",
    },
    "other_contact": {"other_contact_name": "", "other_contact_phone": ""},
    "ambassador": {"ambassador": "dont_know"},
}


class Visitor:
    """Someone using the site through a browser-like client that keeps cookies."""

    def __init__(self, client):
        self.client = client
        self.visited = []

    def open(self, url):
        response = self.client.get(url)
        page = Page(response)
        if response.status_code == 200:
            page.assert_well_formed()
        return page

    def post_form(self, url, data):
        """Send the form on `url` as the page gave it: with its security token."""
        token = self.open(url).csrf_token()
        return self.client.post(url, data={"csrf_token": token, **data})

    def answer(self, step_key, answers, query=""):
        return self.post_form(f"/register/{step_key}{query}", answers)

    def answer_all(self, answers_by_step, start="/register/who"):
        """Answer each page the site shows, in the order it shows them, until the
        check-answers page. Returns the keys of the steps that were asked."""
        path = start
        while path.startswith("/register/") and path != "/register/check":
            key = path.split("?")[0].rsplit("/", 1)[-1]
            self.visited.append(key)
            response = self.answer(key, answers_by_step[key], query=path[len(path.split("?")[0]) :])
            assert response.status_code == 302, Page(response).error_summary_links()
            path = location_path(response)
        return self.visited

    def send(self, consent=True, consent_health=True, consent_contact_helper=True):
        yes = {
            "consent": consent,
            "consent_health": consent_health,
            "consent_contact_helper": consent_contact_helper,
        }
        return self.post_form("/register/send", {name: "y" for name, given in yes.items() if given})
