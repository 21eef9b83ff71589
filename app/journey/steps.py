"""THE journey: every question a person answers, in order, as data.

One generic view and one template read this list. To add a question, add a Step here.
Texts are English message ids; the easy-read Danish lives in translations/da.
"""

from flask_babel import lazy_gettext as _l

from ..municipalities import municipalities_by_name
from .model import Choice, Field, Step, answer_is

YES_NO_DONT_KNOW = (
    Choice("yes", _l("Yes"), "yes"),
    Choice("no", _l("No"), "no"),
    Choice("dont_know", _l("I don't know"), "dont_know"),
)

helper_is_filling_in = answer_is("filled_by", "helper")

STEPS = (
    Step(
        key="who",
        question=_l("Who is answering the questions?"),
        pictogram="help",
        speaks_to_helper=True,
        fields=(
            Field(
                "filled_by",
                "radio",
                _l("Who is answering the questions?"),
                error_required=_l("Choose who is answering"),
                summary_label=_l("Who answers"),
                choices=(
                    Choice("self", _l("I answer for myself"), "myself"),
                    Choice("helper", _l("I help someone else"), "helping"),
                ),
            ),
        ),
    ),
    Step(
        key="helper",
        question=_l("About you who helps"),
        pictogram="helping",
        hint=_l("KLAPjob may need to call you too."),
        show_if=helper_is_filling_in,
        speaks_to_helper=True,
        remembered_on_device=True,
        fields=(
            Field(
                "helper_name",
                "text",
                _l("Your name"),
                error_required=_l("Write your name"),
                autocomplete="name",
                summary_label=_l("Helper's name"),
            ),
            Field(
                "helper_role",
                "radio",
                _l("Who are you to the person?"),
                error_required=_l("Choose who you are to the person"),
                summary_label=_l("Helper is"),
                choices=(
                    Choice("ambassador", _l("Ambassador for KLAPjob"), "ambassador"),
                    Choice("support_worker", _l("Support worker or pedagogue"), "support_worker"),
                    Choice("relative", _l("Family"), "relative"),
                    Choice("job_centre", _l("From the job centre"), "job_centre"),
                    Choice("other", _l("Something else"), "something_else"),
                ),
            ),
            Field(
                "helper_contact",
                "phone_or_email",
                _l("Your phone number or email"),
                error_required=_l("Write your phone number or your email"),
                hint=_l("Like this: 20 30 40 50 or name@mail.dk"),
                summary_label=_l("Helper's phone or email"),
            ),
            Field(
                "helper_confirm",
                "confirm",
                _l("The person knows and says yes to a call from KLAPjob."),
                error_required=_l("Tick the box when the person knows and says yes"),
                summary_label=_l("The person knows and says yes"),
            ),
        ),
    ),
    Step(
        key="name",
        question=_l("What is your name?"),
        pictogram="name",
        fields=(
            Field(
                "name",
                "text",
                _l("What is your name?"),
                hint=_l("Write your whole name."),
                error_required=_l("Write your name"),
                autocomplete="name",
                max_length=100,
                summary_label=_l("Name"),
            ),
        ),
    ),
    Step(
        key="contact",
        question=_l("How should KLAPjob contact you?"),
        pictogram="phone_call",
        why=_l("Then KLAPjob can make a time to talk with you."),
        fields=(
            Field(
                "contact_method",
                "radio",
                _l("How should KLAPjob contact you?"),
                error_required=_l("Choose how KLAPjob should contact you"),
                summary_label=_l("Contact me by"),
                choices=(
                    Choice("phone", _l("Call me"), "phone_call"),
                    Choice("sms", _l("Send me a text message"), "sms"),
                    Choice("email", _l("Send me an email"), "email"),
                    Choice(
                        "helper",
                        _l("Contact the person who helps me"),
                        "helping",
                        show_if=helper_is_filling_in,
                    ),
                ),
            ),
        ),
    ),
    Step(
        key="phone",
        question=_l("What is your phone number?"),
        pictogram="phone_call",
        show_if=answer_is("contact_method", "phone", "sms"),
        fields=(
            Field(
                "phone",
                "phone",
                _l("What is your phone number?"),
                hint=_l("For example 20 30 40 50"),
                error_required=_l("Write your phone number"),
                autocomplete="tel",
                max_length=30,
                summary_label=_l("Phone number"),
            ),
        ),
    ),
    Step(
        key="email",
        question=_l("What is your email?"),
        pictogram="email",
        show_if=answer_is("contact_method", "email"),
        fields=(
            Field(
                "email",
                "email",
                _l("What is your email?"),
                hint=_l("For example name@mail.dk"),
                error_required=_l("Write your email"),
                autocomplete="email",
                max_length=254,
                summary_label=_l("Email"),
            ),
        ),
    ),
    Step(
        key="municipality",
        question=_l("Where do you live?"),
        pictogram="home",
        hint=_l("Choose your municipality from the list."),
        fields=(
            Field(
                "municipality",
                "select",
                _l("Where do you live?"),
                error_required=_l("Choose your municipality"),
                summary_label=_l("Municipality"),
                choices=tuple(Choice(code, name) for code, name in municipalities_by_name()),
            ),
        ),
    ),
    Step(
        key="age",
        question=_l("How old are you?"),
        pictogram="age",
        fields=(
            Field(
                "age_group",
                "radio",
                _l("How old are you?"),
                error_required=_l("Choose how old you are"),
                summary_label=_l("Age"),
                choices=(
                    Choice("under_18", _l("Under 18 years")),
                    Choice("18_24", _l("18 to 24 years")),
                    Choice("25_39", _l("25 to 39 years")),
                    Choice("40_54", _l("40 to 54 years")),
                    Choice("55_plus", _l("55 years or more")),
                ),
            ),
        ),
    ),
    Step(
        key="education",
        question=_l("Do you go to school now?"),
        pictogram="school",
        fields=(
            Field(
                "education",
                "radio",
                _l("Do you go to school now?"),
                error_required=_l("Choose if you go to school now"),
                summary_label=_l("School now"),
                choices=(
                    Choice(
                        "stu",
                        _l("Yes, I go to STU"),
                        "school",
                        _l("STU is a special education for young people."),
                    ),
                    Choice("other", _l("Yes, I go to another school"), "education"),
                    Choice("no", _l("No"), "no"),
                    Choice("dont_know", _l("I don't know"), "dont_know"),
                ),
            ),
        ),
    ),
    Step(
        key="support",
        question=_l("What do you get now?"),
        pictogram="pension",
        hint=_l("Choose what fits best."),
        reassurance=_l(
            "Do you get disability pension?\n"
            "You keep your disability pension when you get a protected job.\n"
            "A protected job is a job with pay, where the work fits you.\n"
            "KLAPjob helps you see what the pay means for you."
        ),
        fields=(
            Field(
                "support",
                "radio",
                _l("What do you get now?"),
                error_required=_l("Choose what you get now"),
                summary_label=_l("I get"),
                choices=(
                    Choice(
                        "pension",
                        _l("Disability pension"),
                        "pension",
                        _l("Money each month, because you cannot work full time."),
                    ),
                    Choice(
                        "flexjob",
                        _l("Flex job"),
                        "flexjob",
                        _l("A job with fewer hours. The municipality pays part of the pay."),
                    ),
                    Choice(
                        "other_support",
                        _l("Other help from the municipality"),
                        "other_support",
                        _l("For example cash benefit."),
                    ),
                    Choice("none", _l("None of these"), "no"),
                    Choice(
                        "dont_know",
                        _l("I don't know"),
                        "dont_know",
                        _l("That is fine. KLAPjob will help you find out."),
                    ),
                ),
            ),
        ),
    ),
    Step(
        key="work",
        question=_l("What work would you like?"),
        pictogram="job",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "work_wishes",
                "checkboxes",
                _l("What work would you like?"),
                error_required=_l("Choose at least 1 kind of work"),
                summary_label=_l("Work I would like"),
                choices=(
                    Choice("kitchen", _l("Kitchen"), "kitchen"),
                    Choice("shop", _l("Shop"), "shop"),
                    Choice("cleaning", _l("Cleaning"), "cleaning"),
                    Choice("warehouse", _l("Warehouse"), "warehouse"),
                    Choice("garden", _l("Garden and park"), "garden"),
                    Choice("animals", _l("Animals"), "animals"),
                    Choice("office", _l("Office"), "office"),
                    Choice("elderly_care", _l("Helping old people"), "elderly_care"),
                    Choice("children", _l("Children"), "children"),
                    Choice("cafe", _l("Café and canteen"), "cafe"),
                    Choice("laundry", _l("Laundry"), "laundry"),
                    Choice("workshop", _l("Workshop and crafts"), "workshop"),
                    Choice("transport_post", _l("Transport and post"), "transport_post"),
                    Choice("other", _l("Something else"), "something_else"),
                    Choice("dont_know", _l("I don't know yet"), "dont_know"),
                ),
            ),
            Field(
                "work_other",
                "text",
                _l("Something else? Write what work you would like"),
                error_required=_l("Write what work you would like"),
                show_if=answer_is("work_wishes", "other"),
                summary_label=_l("Other work"),
            ),
        ),
    ),
    Step(
        key="strengths",
        question=_l("What do you like doing?"),
        pictogram="people",
        hint=_l("Choose what you like, or what you are good at. You may choose more than 1."),
        fields=(
            Field(
                "strengths",
                "checkboxes",
                _l("What do you like doing?"),
                error_required=_l("Choose at least 1 thing, or write it yourself"),
                required=False,
                required_if=lambda answers: not answers.get("strengths_text"),
                summary_label=_l("I like"),
                choices=(
                    Choice("people", _l("Being with other people"), "people"),
                    Choice("helping", _l("Helping others"), "helping"),
                    Choice("fixing", _l("Fixing things"), "fixing"),
                    Choice("tidying", _l("Tidying and sorting"), "tidying"),
                    Choice("outdoors", _l("Being outside"), "outdoors"),
                    Choice("cooking", _l("Cooking"), "kitchen"),
                    Choice("animals", _l("Looking after animals"), "animals"),
                    Choice("computer", _l("Using a computer"), "computer"),
                    Choice("physical", _l("Carrying and lifting"), "physical"),
                    Choice("numbers", _l("Counting things"), "numbers"),
                    Choice("drawing", _l("Drawing and making things"), "drawing"),
                    Choice("dont_know", _l("I don't know"), "dont_know"),
                ),
            ),
            Field(
                "strengths_text",
                "textarea",
                _l("Do you want to tell more? (optional)"),
                required=False,
                max_length=1000,
                summary_label=_l("More about what I like"),
            ),
        ),
    ),
    Step(
        key="hours",
        question=_l("How many hours a week do you want to work?"),
        pictogram="hours",
        hint=_l("Many people start with a few hours."),
        fields=(
            Field(
                "hours",
                "radio",
                _l("How many hours a week do you want to work?"),
                error_required=_l("Choose how many hours you want to work"),
                summary_label=_l("Hours a week"),
                choices=(
                    Choice("few", _l("Less than 5 hours")),
                    Choice("5_10", _l("About 5 to 10 hours")),
                    Choice("10_20", _l("10 to 20 hours")),
                    Choice("more", _l("More than 20 hours")),
                    Choice("dont_know", _l("I don't know"), "dont_know"),
                ),
            ),
        ),
    ),
    Step(
        key="times",
        question=_l("When can you work?"),
        pictogram="weekdays",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "work_times",
                "checkboxes",
                _l("When can you work?"),
                error_required=_l("Choose at least 1 time"),
                summary_label=_l("When I can work"),
                choices=(
                    Choice("morning", _l("In the morning"), "morning"),
                    Choice("midday", _l("In the middle of the day"), "midday"),
                    Choice("afternoon", _l("In the afternoon"), "afternoon"),
                    Choice("evening", _l("In the evening"), "evening"),
                    Choice("weekdays", _l("Monday to Friday"), "weekdays"),
                    Choice("weekend", _l("Saturday and Sunday"), "weekend"),
                    Choice("any", _l("It does not matter"), "doesnt_matter"),
                ),
            ),
        ),
    ),
    Step(
        key="transport",
        question=_l("How can you get to work?"),
        pictogram="bus",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "transport",
                "checkboxes",
                _l("How can you get to work?"),
                error_required=_l("Choose at least 1 way to get to work"),
                summary_label=_l("How I get to work"),
                choices=(
                    Choice("walk", _l("Walk"), "walk"),
                    Choice("bike", _l("Bike"), "bike"),
                    Choice("bus_train", _l("Bus or train"), "bus"),
                    Choice("driven", _l("Someone drives me"), "car"),
                    Choice("needs_help", _l("I need help to get there"), "transport_help"),
                ),
            ),
        ),
    ),
    Step(
        key="distance",
        question=_l("How far from your home can the work be?"),
        pictogram="distance",
        fields=(
            Field(
                "distance",
                "radio",
                _l("How far from your home can the work be?"),
                error_required=_l("Choose how far the work can be"),
                summary_label=_l("Work can be"),
                choices=(
                    Choice("15", _l("At most 15 minutes away")),
                    Choice("30", _l("At most 30 minutes away")),
                    Choice("60", _l("At most 1 hour away")),
                    Choice("any", _l("It does not matter"), "doesnt_matter"),
                    Choice("dont_know", _l("I don't know"), "dont_know"),
                ),
            ),
        ),
    ),
    Step(
        key="needs",
        question=_l("What helps you at work?"),
        pictogram="bad_days",
        hint=_l("You may choose more than 1. You may also skip this question."),
        optional=True,
        fields=(
            Field(
                "needs",
                "checkboxes",
                _l("What helps you at work?"),
                required=False,
                summary_label=_l("What helps me"),
                choices=(
                    Choice("quiet", _l("A quiet place"), "quiet"),
                    Choice("same_tasks", _l("The same tasks every day"), "same_tasks"),
                    Choice("picture_instructions", _l("Being shown with pictures"), "picture_instructions"),
                    Choice("contact_person", _l("1 person I can always ask"), "contact_person"),
                    Choice("breaks", _l("Breaks"), "breaks"),
                    Choice("short_days", _l("Short days"), "short_days"),
                    Choice("slow_start", _l("A slow start"), "slow_start"),
                    Choice("few_people", _l("Not too many people around me"), "few_people"),
                    Choice("transport_help", _l("Help with getting there"), "transport_help"),
                    Choice("bad_days", _l("Understanding on bad days"), "bad_days"),
                    Choice("day_plan", _l("A plan for the day"), "day_plan"),
                ),
            ),
            Field(
                "needs_text",
                "textarea",
                _l("Is there something else that helps you? (optional)"),
                required=False,
                max_length=1000,
                summary_label=_l("More about what helps me"),
            ),
        ),
    ),
    Step(
        key="health",
        question=_l("Is there something about your health KLAPjob should know?"),
        pictogram="health",
        optional=True,
        why=_l(
            "You do not have to answer.\n"
            "It can help KLAPjob find the right job for you.\n"
            "Only the job consultants at KLAPjob can see it."
        ),
        fields=(
            Field(
                "health",
                "textarea",
                _l("Is there something about your health KLAPjob should know?"),
                hint=_l("For example a diagnosis, or something that is hard for you."),
                required=False,
                max_length=2000,
                sensitive=True,
                summary_label=_l("My health"),
            ),
        ),
    ),
    Step(
        key="ambassador",
        question=_l("Would you like to talk with an ambassador?"),
        pictogram="talk",
        hint=_l(
            "An ambassador is a person who got a job through KLAPjob.\n"
            "The ambassador can tell you what it is like."
        ),
        fields=(
            Field(
                "ambassador",
                "radio",
                _l("Would you like to talk with an ambassador?"),
                error_required=_l("Choose yes, no or I don't know"),
                summary_label=_l("Talk with an ambassador"),
                choices=YES_NO_DONT_KNOW,
            ),
        ),
    ),
)

STEPS_BY_KEY = {step.key: step for step in STEPS}
FIELDS_BY_NAME = {f.name: f for step in STEPS for f in step.fields}
