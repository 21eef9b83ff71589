"""THE journey: every question a person answers, in order, as data.

One generic view and one template read this list. To add a question, add a Step here;
the answers to choose from are in choices.py. Texts are English message ids; the
easy-read Danish lives in translations/da.
"""

from flask_babel import lazy_gettext as _l

from app.domain.municipalities import NOT_KNOWN, municipalities_by_name
from app.domain.places import find_municipalities
from app.domain.questions import choices, first_call
from app.domain.questions.model import Choice, Field, Step, answer_is, both_or_neither

helper_is_filling_in = answer_is("filled_by", "helper")


STEPS = (
    Step(
        key="who",
        question=_l("Is someone helping you answer?"),
        pictogram="who_answers",
        fields=(
            Field(
                "filled_by",
                "radio",
                _l("Is someone helping you answer?"),
                error_required=_l("Choose if someone is helping you"),
                summary_label=_l("Someone helps me answer"),
                choices=choices.WHO_ANSWERS,
            ),
        ),
    ),
    Step(
        key="helper",
        question=_l("About you who helps"),
        pictogram="helper",
        hint=_l("KLAPjob may need to call you too."),
        show_if=helper_is_filling_in,
        speaks_to_helper=True,
        remembered_on_device=True,
        read_more=("pages.for_relatives", _l("For relatives and professionals: how to help")),
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
                choices=choices.HELPER_ROLES,
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
        pictogram="get_in_touch",
        why=_l("Then KLAPjob can make a time to talk with you."),
        fields=(
            Field(
                "contact_method",
                "radio",
                _l("How should KLAPjob contact you?"),
                error_required=_l("Choose how KLAPjob should contact you"),
                summary_label=_l("Contact me by"),
                choices=choices.CONTACT_METHODS
                + (
                    Choice(
                        "helper",
                        _l("Contact the person who helps me"),
                        "helper",
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
    *first_call.CALLS,
    Step(
        key="municipality",
        question=_l("Which municipality (kommune) do you live in?"),
        pictogram="home",
        hint=_l(
            "Choose your municipality from the list.\n"
            "Or write your postcode or your town, and press Find."
        ),
        fields=(
            Field(
                "municipality",
                "select",
                _l("Which municipality (kommune) do you live in?"),
                error_required=_l("Choose your municipality, or choose I don't know"),
                summary_label=_l("Municipality"),
                choices=(Choice(NOT_KNOWN, _l("I don't know")),)
                + tuple(Choice(code, name) for code, name in municipalities_by_name()),
                finder=find_municipalities,
                search_kept_as="place",
            ),
        ),
    ),
    *first_call.PLACE,
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
                choices=choices.AGE_GROUPS,
            ),
        ),
    ),
    *first_call.FAMILY,
    Step(
        key="activity",
        question=_l("What do you do on a normal weekday now?"),
        pictogram="weekday_now",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "activity",
                "checkboxes",
                _l("What do you do on a normal weekday now?"),
                error_required=_l("Choose at least 1 thing"),
                summary_label=_l("What I do now"),
                choices=choices.ACTIVITIES,
            ),
            Field(
                "activity_other",
                "text",
                _l("Something else? Write what you do (optional)"),
                required=False,
                show_if=answer_is("activity", "other"),
                summary_label=_l("Something else I do"),
            ),
        ),
    ),
    Step(
        key="stu_end",
        question=_l("When do you finish STU?"),
        pictogram="finishing_school",
        hint=choices.STU_IS,
        show_if=answer_is("activity", "stu"),
        fields=(
            Field(
                "stu_end",
                "radio",
                _l("When do you finish STU?"),
                error_required=_l("Choose when you finish, or choose I don't know"),
                summary_label=_l("I finish STU"),
                choices=choices.STU_ENDS,
            ),
        ),
    ),
    Step(
        key="experience",
        question=_l("Have you had a job or a work trial before?"),
        pictogram="experience",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "experience",
                "checkboxes",
                _l("Have you had a job or a work trial before?"),
                error_required=_l("Choose at least 1 answer"),
                summary_label=_l("Work before"),
                choices=choices.EXPERIENCE,
            ),
            Field(
                "experience_text",
                "textarea",
                _l("Where was it? (optional)"),
                required=False,
                max_length=1000,
                summary_label=_l("Where I have worked"),
            ),
        ),
    ),
    Step(
        key="support",
        question=_l("What money do you get each month now?"),
        pictogram="money_each_month",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "support",
                "checkboxes",
                _l("What money do you get each month now?"),
                error_required=_l("Choose at least 1 answer"),
                summary_label=_l("Money each month"),
                choices=choices.MONEY_EACH_MONTH,
            ),
        ),
    ),
    Step(
        key="pension",
        question=_l("Do you have questions about your pension?"),
        pictogram="pension",
        optional=True,
        show_if=answer_is("support", "pension"),
        why=_l(
            "You keep your disability pension (førtidspension) when you get a subsidised "
            "job (skånejob).\n"
            "Disability pension is money some people get each month.\n"
            "The municipality decides who gets it.\n"
            "A subsidised job is a job with pay for people on disability pension.\n"
            "Do you earn more than a limit each year?\n"
            "Then your pension can become somewhat smaller.\n"
            "The municipality works out how much.\n"
            "KLAPjob helps you understand it."
        ),
        fields=(
            Field(
                "pension_questions",
                "radio",
                _l("Do you have questions about your pension?"),
                required=False,
                summary_label=_l("Questions about my pension"),
                choices=choices.YES_NO_DONT_KNOW,
            ),
            first_call.PENSION_QUESTION_TEXT,
        ),
    ),
    *first_call.SYSTEM,
    Step(
        key="work",
        question=_l("What work would you like?"),
        pictogram="work_wish",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "work_wishes",
                "checkboxes",
                _l("What work would you like?"),
                error_required=_l("Choose at least 1 kind of work"),
                summary_label=_l("Work I would like"),
                choices=choices.WORK,
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
        pictogram="likes",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "strengths",
                "checkboxes",
                _l("What do you like doing?"),
                error_required=_l("Choose at least 1 thing, or write it yourself"),
                required=False,
                required_if=lambda answers: not answers.get("strengths_text"),
                summary_label=_l("I like"),
                choices=choices.STRENGTHS,
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
    # Strengths first (issue 25): what the person is good at, and what others say about
    # them, lead the job profile and the employer's version.
    Step(
        key="good_at",
        question=_l("What are you good at?"),
        pictogram="good_at",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "good_at",
                "checkboxes",
                _l("What are you good at?"),
                error_required=_l("Choose at least 1 thing, or write it yourself"),
                required=False,
                required_if=lambda answers: not answers.get("good_at_text"),
                summary_label=_l("I am good at"),
                choices=choices.GOOD_AT,
            ),
            Field(
                "good_at_text",
                "textarea",
                _l("Do you want to tell more? (optional)"),
                required=False,
                max_length=1000,
                summary_label=_l("More about what I am good at"),
            ),
        ),
    ),
    Step(
        key="others_say",
        question=_l("What do others say about you?"),
        pictogram="others_say",
        optional=True,
        hint=_l("A helper, a parent or a colleague may write it.\nAlso write who they are."),
        fields=(
            Field(
                "others_say",
                "textarea",
                _l("What do others say you are good at? (optional)"),
                required=False,
                max_length=1000,
                summary_label=_l("Others say about me"),
            ),
            Field(
                "others_say_by",
                "text",
                _l("Who wrote it?"),
                hint=_l("For example: Hanne, my mother"),
                error_required=_l("Write who wrote it"),
                required=False,
                required_if=lambda answers: (
                    bool(answers.get("others_say")) and not answers.get("others_say_by")
                ),
                autocomplete="off",
                max_length=100,
                summary_label=_l("Written by"),
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
                choices=choices.HOURS,
            ),
        ),
    ),
    # Days and times of day are two questions, each on its own page. The old page "times"
    # asked both; its answers keep their names (work_days, work_times).
    Step(
        key="days",
        question=_l("Which days can you work?"),
        pictogram="which_days",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "work_days",
                "checkboxes",
                _l("Which days can you work?"),
                error_required=_l("Choose at least 1 answer about days"),
                summary_label=_l("Days I can work"),
                choices=choices.DAYS,
            ),
        ),
    ),
    Step(
        key="times",
        question=_l("What time of day can you work?"),
        pictogram="when",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "work_times",
                "checkboxes",
                _l("What time of day can you work?"),
                error_required=_l("Choose at least 1 answer about the time of day"),
                summary_label=_l("Time of day I can work"),
                choices=choices.TIMES_OF_DAY,
            ),
        ),
    ),
    Step(
        key="transport",
        question=_l("How can you get to work?"),
        pictogram="getting_to_work",
        hint=_l("You may choose more than 1."),
        fields=(
            Field(
                "transport",
                "checkboxes",
                _l("How can you get to work?"),
                error_required=_l("Choose at least 1 way to get to work"),
                summary_label=_l("How I get to work"),
                choices=choices.TRANSPORT,
            ),
        ),
    ),
    Step(
        key="travel_time",
        question=_l("How long may the trip to work take?"),
        pictogram="travel_time",
        hint=_l("Think of the trip one way."),
        fields=(
            Field(
                "travel_time",
                "radio",
                _l("How long may the trip to work take?"),
                error_required=_l("Choose how long the trip may take"),
                summary_label=_l("The trip to work may take"),
                choices=choices.TRAVEL_TIMES,
            ),
        ),
    ),
    Step(
        key="needs",
        question=_l("What helps you at work?"),
        pictogram="what_helps",
        hint=_l("You may choose more than 1. You may also skip this question."),
        optional=True,
        fields=(
            Field(
                "needs",
                "checkboxes",
                _l("What helps you at work?"),
                required=False,
                summary_label=_l("What helps me"),
                choices=choices.NEEDS,
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
            "Only the people at KLAPjob can see it."
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
        key="other_contact",
        question=_l("Is there someone else KLAPjob may also call?"),
        pictogram="other_contact",
        optional=True,
        hint=_l(
            "For example your mother, your father, a support worker or a guardian (værge).\n"
            "KLAPjob calls them only about your job."
        ),
        fields=(
            Field(
                "other_contact_name",
                "text",
                _l("Their name (optional)"),
                error_required=_l("Write their name"),
                required=False,
                # A role ("They are: Family") says nothing without a name.
                required_if=lambda answers: (
                    not answers.get("other_contact_name")
                    and bool(
                        answers.get("other_contact_phone") or answers.get("other_contact_role")
                    )
                ),
                autocomplete="off",
                max_length=100,
                summary_label=_l("Someone else KLAPjob may call"),
            ),
            Field(
                "other_contact_role",
                "radio",
                _l("Who are they to you? (optional)"),
                required=False,
                summary_label=_l("They are"),
                choices=choices.OTHER_CONTACT_ROLES,
            ),
            Field(
                "other_contact_phone",
                "phone",
                _l("Their phone number (optional)"),
                error_required=_l("Write their phone number"),
                hint=_l("For example 20 30 40 50"),
                required=False,
                required_if=both_or_neither("other_contact_phone", "other_contact_name"),
                autocomplete="off",
                max_length=30,
                summary_label=_l("Their phone number"),
            ),
        ),
    ),
    *first_call.FIRST_MEETING,
    Step(
        key="ambassador",
        question=_l("Would you like to talk with an ambassador?"),
        pictogram="ambassador",
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
                summary_note=choices.AMBASSADOR_IS,
                choices=choices.YES_NO_DONT_KNOW,
            ),
        ),
    ),
)

STEPS_BY_KEY = {step.key: step for step in STEPS}
FIELDS_BY_NAME = {f.name: f for step in STEPS for f in step.fields}
