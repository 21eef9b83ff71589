"""The answers a person can choose, as data for steps.py.

An answer marked `exclusive` stands alone: it is never sent with another answer to the
same question (validators.py), and the page's script unticks the others when it is ticked.

Rules the tests check: within a question no two answers overlap (hour ranges share no
end, a range says "less than" or "more than" where it meets the next one), one picture
means one thing everywhere, and "I don't know" is an answer wherever a person may not
know. English names the Danish word a person meets in letters, in brackets.
"""

from flask_babel import lazy_gettext as _l

from app.domain.questions.model import Choice

DONT_KNOW = Choice("dont_know", _l("I don't know"), "dont_know", exclusive=True)
SOMETHING_ELSE = Choice("other", _l("Something else"), "something_else")
IT_DOES_NOT_MATTER = Choice("any", _l("It does not matter"), "doesnt_matter", exclusive=True)

YES_NO_DONT_KNOW = (
    Choice("yes", _l("Yes"), "yes"),
    Choice("no", _l("No"), "no"),
    DONT_KNOW,
)

WHO_ANSWERS = (
    Choice("self", _l("No, I answer on my own"), "myself"),
    Choice(
        "helper",
        _l("Yes, someone is helping me"),
        "helper",
        _l("For example your mother, your father or a support worker."),
    ),
)

# Who a helper, or another person KLAPjob may call, is to the person.
SUPPORT_WORKER = Choice(
    "support_worker",
    _l("Support worker or social educator (bostøtte or pædagog)"),
    "support_worker",
)
RELATIVE = Choice("relative", _l("Family"), "relative")
GUARDIAN = Choice("guardian", _l("Guardian (værge)"), "guardian")

AMBASSADOR_IS = _l("An ambassador is a person who got a job through KLAPjob.")
JOB_CENTRE_IS = _l("The job centre (jobcenter) is part of your municipality (kommune).")
STU_IS = _l("STU is an education for young people who need extra support.")

HELPER_ROLES = (
    Choice("ambassador", _l("Ambassador for KLAPjob"), "ambassador", AMBASSADOR_IS),
    SUPPORT_WORKER,
    RELATIVE,
    GUARDIAN,
    Choice("job_centre", _l("From the job centre (jobcenter)"), "job_centre", JOB_CENTRE_IS),
    SOMETHING_ELSE,
)

OTHER_CONTACT_ROLES = (RELATIVE, SUPPORT_WORKER, GUARDIAN, SOMETHING_ELSE)

CONTACT_METHODS = (
    Choice("phone", _l("Call me"), "phone_call"),
    Choice("sms", _l("Send me a text message"), "sms"),
    Choice("email", _l("Send me an email"), "email"),
)

AGE_GROUPS = (
    Choice(
        "under_18",
        _l("Under 18 years"),
        description=_l(
            "You can still send your answers.\nKLAPjob also talks with one of your parents."
        ),
    ),
    Choice("18_24", _l("18 to 24 years")),
    Choice("25_39", _l("25 to 39 years")),
    Choice("40_54", _l("40 to 54 years")),
    Choice("55_plus", _l("55 years or more")),
)

STU = Choice("stu", _l("I go to STU"), "school", STU_IS)

ACTIVITIES = (
    Choice(
        "workshop",
        _l("I work at a workshop (værksted)"),
        "sheltered_workshop",
        _l("For example a sheltered workshop."),
    ),
    Choice("day_centre", _l("I go to a day centre"), "day_centre"),
    STU,
    Choice("job", _l("I have a job, and I want more hours or something else"), "job"),
    Choice("home", _l("I am mostly at home"), "home"),
    SOMETHING_ELSE,
)

STU_ENDS = (
    Choice("under_half_year", _l("In less than half a year")),
    Choice("half_to_one_year", _l("In half a year to 1 year")),
    Choice("over_one_year", _l("In more than 1 year")),
    DONT_KNOW,
)

EXPERIENCE = (
    Choice("job", _l("Yes, I have had a job"), "job"),
    Choice(
        "praktik",
        _l("Yes, I have been on a work trial (praktik)"),
        "praktik",
        _l("You try a job for a while. That is called a work trial (praktik)."),
    ),
    Choice("no", _l("No"), "no", exclusive=True),
    DONT_KNOW,
)

# Money each month. Several can be true at once: wages and disability pension, say.
MONEY_EACH_MONTH = (
    Choice(
        "pension",
        _l("Disability pension (førtidspension)"),
        "pension",
        _l("Money some people get each month."),
    ),
    Choice(
        "flexjob_approved",
        _l("I am approved for a flex job (fleksjob)"),
        "flexjob",
        _l(
            "A flex job is a job with fewer hours.\n"
            "While you wait for one, you often get unemployment benefit (ledighedsydelse).\n"
            "That is money from the municipality."
        ),
    ),
    Choice(
        "other_support",
        _l("Cash benefit (kontanthjælp) or other money from the municipality"),
        "municipality_money",
    ),
    Choice("wages", _l("Wages from a job"), "wages"),
    Choice("none", _l("None of these"), "none", exclusive=True),
    DONT_KNOW,
)

WORK = (
    Choice("kitchen", _l("Kitchen and canteen"), "kitchen", _l("Cooking and washing up.")),
    Choice("cafe", _l("Café and fast food"), "cafe", _l("Serving customers.")),
    Choice("shop", _l("Shop"), "shop"),
    Choice("cleaning", _l("Cleaning"), "cleaning"),
    Choice("warehouse", _l("Warehouse"), "warehouse"),
    Choice("garden", _l("Garden and park"), "garden"),
    Choice("animals", _l("Animals"), "animals"),
    Choice("office", _l("Office"), "office"),
    Choice("elderly_care", _l("Care home for older people"), "elderly_care"),
    Choice("children", _l("Children"), "children"),
    Choice("laundry", _l("Laundry"), "laundry"),
    Choice("workshop", _l("Crafts and repairs"), "workshop"),
    Choice("transport_post", _l("Transport and post"), "transport_post"),
    SOMETHING_ELSE,
    Choice("dont_know", _l("I don't know yet"), "dont_know", exclusive=True),
)

STRENGTHS = (
    Choice("people", _l("Being with other people"), "people"),
    Choice("helping", _l("Helping others"), "helping_others"),
    Choice("fixing", _l("Fixing things"), "fixing"),
    Choice("tidying", _l("Tidying and sorting"), "tidying"),
    Choice("outdoors", _l("Being outside"), "outdoors"),
    Choice("cooking", _l("Cooking"), "cooking"),
    Choice("animals", _l("Looking after animals"), "animals"),
    Choice("computer", _l("Using a computer"), "computer"),
    Choice("physical", _l("Carrying and lifting"), "physical"),
    Choice("numbers", _l("Counting things"), "numbers"),
    Choice("drawing", _l("Drawing and making things"), "drawing"),
    DONT_KNOW,
)

# What a person is good at (issue 25): what an employer is glad of. "Helping others" and
# "Tidying and sorting" are the same answers as among the things a person likes doing.
GOOD_AT = (
    Choice("on_time", _l("Coming on time"), "on_time"),
    Choice("careful", _l("Doing things carefully"), "careful"),
    Choice("finishing", _l("Finishing my tasks"), "finishing"),
    Choice("friendly", _l("Being friendly"), "friendly"),
    Choice("listening", _l("Listening and doing as we agreed"), "listening"),
    Choice("remembering", _l("Remembering things"), "remembering"),
    Choice("helping", _l("Helping others"), "helping_others"),
    Choice("tidying", _l("Tidying and sorting"), "tidying"),
    DONT_KNOW,
)

# Whole hours: no two ranges share an end.
HOURS = (
    Choice("under_5", _l("Less than 5 hours")),
    Choice("5_9", _l("5 to 9 hours")),
    Choice("10_19", _l("10 to 19 hours")),
    Choice("20_plus", _l("20 hours or more")),
    DONT_KNOW,
)

DAYS = (
    Choice("weekdays", _l("Monday to Friday"), "weekdays"),
    Choice("weekend", _l("Saturday and Sunday"), "weekend"),
    IT_DOES_NOT_MATTER,
    DONT_KNOW,
)

TIMES_OF_DAY = (
    Choice("morning", _l("In the morning"), "morning"),
    Choice("midday", _l("In the middle of the day"), "midday"),
    Choice("afternoon", _l("In the afternoon"), "afternoon"),
    Choice("evening", _l("In the evening"), "evening"),
    IT_DOES_NOT_MATTER,
    DONT_KNOW,
)

TRANSPORT = (
    Choice("walk", _l("Walk"), "walk"),
    Choice("bike", _l("Bike"), "bike"),
    Choice("bus_train", _l("Bus or train"), "bus"),
    Choice("driven", _l("Someone drives me"), "car"),
    Choice("needs_help", _l("I need help to get there"), "transport_help"),
    DONT_KNOW,
)

# Each an upper limit: the person picks the longest trip they can manage.
TRAVEL_TIMES = (
    Choice("15", _l("At most 15 minutes")),
    Choice("30", _l("At most 30 minutes")),
    Choice("60", _l("At most 1 hour")),
    IT_DOES_NOT_MATTER,
    DONT_KNOW,
)

# Help with getting to work is asked once, with the transport.
NEEDS = (
    Choice("quiet", _l("A quiet place"), "quiet"),
    Choice("same_tasks", _l("The same tasks every day"), "same_tasks"),
    Choice("picture_instructions", _l("Being shown with pictures"), "picture_instructions"),
    Choice("contact_person", _l("1 person I can always ask"), "contact_person"),
    Choice("breaks", _l("Breaks"), "breaks"),
    Choice("short_days", _l("Short days"), "short_days"),
    Choice("slow_start", _l("A slow start"), "slow_start"),
    Choice("few_people", _l("Not too many people around me"), "few_people"),
    Choice("bad_days", _l("Understanding on bad days"), "bad_days"),
    Choice("day_plan", _l("A plan for the day"), "day_plan"),
)
