from hub.access import may_change_school_settings


def is_school_leader(person) -> bool:
    """Who sees "schools like ours": the school's moderators (its leaders), its
    admins and whoever runs its settings."""
    return bool(
        person.is_authenticated
        and person.school_id
        and (person.is_moderator or person.is_school_admin or may_change_school_settings(person))
    )
