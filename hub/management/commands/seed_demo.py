from django.core.management.base import BaseCommand

from hub.networks.demo import NETWORK_LOGINS, TRUST_NAME
from hub.people.demo import DEMO_LOGINS, DEMO_PASSWORD, seed_demo_school


class Command(BaseCommand):
    help = "Create (or refresh) the fictional demo school with its staff and content."

    def handle(self, *args, **options):
        school = seed_demo_school()
        self.stdout.write(self.style.SUCCESS(f"Demo school ready: {school.name}"))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for role, email in DEMO_LOGINS:
            self.stdout.write(f"  {role:<28} {email}")
        self.stdout.write(f"In the {TRUST_NAME}, with the same password:")
        for role, email in NETWORK_LOGINS:
            self.stdout.write(f"  {role:<44} {email}")
