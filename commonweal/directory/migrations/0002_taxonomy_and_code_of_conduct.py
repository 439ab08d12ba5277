"""The first communities-of-interest taxonomy and the first code of conduct.

Officers maintain both from then on (new tags, retired tags, new code versions).
"""

from django.db import migrations
from django.utils import timezone

TAGS = [
    ("faith-and-belief", "Faith and belief", "Groups of a faith or belief, and interfaith groups."),
    ("disability", "Disability", "Disabled people and groups run by and for them."),
    ("ethnic-minority-communities", "Ethnic minority communities", "Black, Asian and other minority ethnic communities."),
    ("community-languages", "Community languages", "Groups using or teaching a language other than English, including British Sign Language."),
    ("older-people", "Older people", "People aged 65 and over."),
    ("children-and-young-people", "Children and young people", "People under 25 and their families."),
    ("lgbt-plus", "LGBT+", "Lesbian, gay, bisexual and trans people."),
    ("women-and-girls", "Women and girls", ""),
    ("carers", "Carers", "People who look after a relative or friend."),
    ("refugees-and-asylum-seekers", "Refugees and asylum seekers", ""),
    ("armed-forces-veterans", "Armed forces veterans", "Veterans and their families."),
    ("mental-health", "Mental health", "Peer support and mutual aid for mental health."),
    ("arts-and-culture", "Arts and culture", ""),
    ("environment-and-green-spaces", "Environment and green spaces", ""),
    ("sport-and-physical-activity", "Sport and physical activity", ""),
    ("heritage-and-local-history", "Heritage and local history", ""),
    ("food-and-growing", "Food and growing", "Food banks, community kitchens, allotments and gardens."),
]

CODE_TEXT = """Groups listed in this directory agree to:

1. Be open to everyone the group says it serves, and treat every person with respect, whatever their age, disability, ethnicity, faith or belief, sex, sexual orientation or gender identity.
2. Say who the group's leader is, and how decisions are made, and let members have a say in them.
3. Keep people safe: have someone responsible for safeguarding when the group works with children or adults at risk, and follow the law on it.
4. Use any money the group holds for the group's purposes, keep simple accounts and show them to members when asked.
5. Keep the personal information of members and the people the group helps private and secure, and use it only for the group's work.
6. Keep the group's entry in this directory accurate, and tell the council when the group changes or stops meeting.
7. Not use the group to promote a political party or to sell services for profit while listed as a community group.

The council may withdraw a group's entry if it does not keep to this code, and will say why."""


def seed(apps, schema_editor):
    InterestTag = apps.get_model("directory", "InterestTag")
    CodeOfConduct = apps.get_model("directory", "CodeOfConduct")
    for slug, name, description in TAGS:
        InterestTag.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})
    if not CodeOfConduct.objects.exists():
        CodeOfConduct.objects.create(
            version=1,
            title="Code of conduct for community groups",
            text=CODE_TEXT,
            summary_of_changes="The first version.",
            published_at=timezone.now(),
        )


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
