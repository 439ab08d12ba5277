"""Forms for neighbourhood planning's pages: they check what was typed; the services decide."""

from django import forms

from commonweal.rights.planning.models import ExaminerRecommendation

DATE_FORMATS = ["%d/%m/%Y", "%d %m %Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"]
DATE_HINT = "For example, 27/3/2024."


def date_field(label: str, *, required: bool = True, hint: str = DATE_HINT) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        help_text=hint,
        error_messages={
            "required": f"Enter the {label[0].lower() + label[1:]}.",
            "invalid": f"Enter the {label[0].lower() + label[1:]} as a real date, like 27/3/2024.",
        },
    )


def text(label: str, *, required: bool = True, hint: str = "", max_length: int = 4000):
    return forms.CharField(
        label=label,
        required=required,
        help_text=hint,
        max_length=max_length,
        error_messages={"required": f"Enter the {label[0].lower() + label[1:]}."},
    )


def count(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        initial=0,
        error_messages={
            "required": f"Enter the number of {label[0].lower() + label[1:]} (0 if none).",
            "invalid": "Enter a whole number.",
            "min_value": "Enter 0 or more.",
        },
    )


class AreaApplicationForm(forms.Form):
    applicant = forms.ChoiceField(
        label="Applying organisation",
        error_messages={"required": "Choose the organisation that is applying."},
    )
    name = text("Name of the area", max_length=200, hint="For example, “Halifax Town Centre”.")
    places = forms.MultipleChoiceField(
        label="Wards the area covers",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose the wards, or draw the area and paste its boundary below.",
    )
    boundary = forms.CharField(
        label="Or the boundary as GeoJSON (optional)",
        required=False,
        max_length=2_000_000,
        help_text="A Polygon or MultiPolygon in longitude and latitude.",
    )
    statement = text("Why the area is appropriate")
    relevant_body_statement = text(
        "Why your organisation may apply",
        hint="A parish council, or a body designated as (or capable of being) a neighbourhood "
        "forum.",
    )
    more_than_one_authority = forms.BooleanField(
        label="The area is partly in another council's area", required=False
    )
    whole_parish = forms.BooleanField(
        label="This is the whole of our parish (parish councils only)", required=False
    )

    def __init__(self, *args, applicants=(), places=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant"].choices = [("", "Choose an organisation")] + [
            (str(o.pk), o.name) for o in applicants
        ]
        self.fields["places"].choices = [(a.gss_code, a.name) for a in places]


class ForumApplicationForm(forms.Form):
    organisation = forms.ChoiceField(
        label="Applying organisation",
        error_messages={"required": "Choose the organisation that is applying."},
    )
    purpose = text(
        "The forum's purpose",
        hint="What it is established to do for the area's social, economic and environmental "
        "well-being.",
    )
    express_purpose = forms.BooleanField(
        label="The forum is established for the express purpose of promoting or improving the "
        "social, economic and environmental well-being of the area",
        required=False,
    )
    members_live = count("Members who live in the area")
    members_work = count("Members who work in the area (and do not live there)")
    members_elected = count("Members who are elected councillors for the area (and not above)")
    members_other = count("Other members")
    membership_evidence = text(
        "Evidence of membership",
        hint="How the council can check the numbers, for example a signed membership register "
        "it can inspect. Do not give members' names or addresses here.",
    )
    open_to_residents = forms.BooleanField(label="People who live in the area", required=False)
    open_to_workers = forms.BooleanField(label="People who work in the area", required=False)
    open_to_elected_members = forms.BooleanField(
        label="Elected councillors for the area", required=False
    )
    written_constitution = forms.BooleanField(
        label="The forum has a written constitution", required=False
    )
    constitution_reference = text(
        "Where the constitution can be read",
        required=False,
        max_length=500,
        hint="A web address, or “sent by email with this application”.",
    )
    contact = text(
        "Contact details of at least one member",
        max_length=300,
        hint="These are published with the application.",
    )
    more_than_one_authority = forms.BooleanField(
        label="The area is partly in another council's area", required=False
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "Choose an organisation")] + [
            (str(o.pk), o.name) for o in organisations
        ]


class PubliciseForm(forms.Form):
    action = "publicise"
    first_publicised_on = date_field("Date first publicised")
    closes_on = date_field(
        "Closing date for comments",
        required=False,
        hint="Leave empty for the earliest the law allows (six weeks on). " + DATE_HINT,
    )


class DesignateForm(forms.Form):
    action = "designate"
    decided_on = date_field("Date of the decision")
    reasons = text("Notes on the decision (optional)", required=False)


class DesignateAreaForm(DesignateForm):
    business_area = forms.BooleanField(
        label="Designate it as a business area (a business referendum will also be held)",
        required=False,
    )


class DesignateForumForm(forms.Form):
    action = "designate"
    decided_on = date_field("Date of the decision")
    regard_findings = text(
        "Your findings on the matters the council must have regard to",
        required=False,
        hint="Members from each group, from different places and sections of the community, "
        "and a purpose that reflects the area's character.",
    )


class RefuseForm(forms.Form):
    action = "refuse"
    decided_on = date_field("Date of the decision")
    reasons = text("Reasons for refusing")


class StartPlanForm(forms.Form):
    title = text("Title of the plan", max_length=200)


class ConsultationForm(forms.Form):
    action = "consultation"
    first_publicised_on = date_field("Date the draft plan was first publicised")
    closes_on = date_field(
        "Closing date for comments",
        required=False,
        hint="Leave empty for the earliest the law allows (six weeks on). " + DATE_HINT,
    )
    where = text("Where and when the draft can be inspected", required=False)
    consultees = text(
        "Consultation bodies consulted", hint="One a line, for example “Historic England”."
    )


class CloseForm(forms.Form):
    action = "close"
    closed_on = date_field("Date it closed")


class SubmitForm(forms.Form):
    action = "submit"
    submitted_on = date_field("Date submitted to the council")


class ExaminationForm(forms.Form):
    action = "examination"
    examiner = text("Name of the independent examiner", max_length=200)
    started_on = date_field("Date the examination began")


class ReportForm(forms.Form):
    action = "report"
    received_on = date_field("Date the examiner's report was received")
    recommendation = forms.ChoiceField(
        label="The examiner recommends",
        choices=ExaminerRecommendation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the examiner recommends."},
    )


class DecisionForm(forms.Form):
    action = "decision"
    to_referendum = forms.ChoiceField(
        label="The council's decision",
        choices=[("yes", "Hold a referendum"), ("no", "Do not hold a referendum")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether a referendum will be held."},
    )
    published_on = date_field("Date the decision was published")
    reasons = text("Reasons", required=False, hint="Needed if no referendum will be held.")


class ReferendumForm(forms.Form):
    action = "referendum"
    kind = forms.ChoiceField(
        label="Which referendum",
        choices=[("residential", "Referendum"), ("business", "Business referendum")],
        widget=forms.RadioSelect,
        initial="residential",
        error_messages={"required": "Choose which referendum this is."},
    )
    held_on = date_field("Date of the poll")
    yes = count("Votes for yes")
    no = count("Votes for no")
    rejected = count("Rejected ballots")


class MakeForm(forms.Form):
    action = "make"
    made_on = date_field("Date the council made the plan")
