"""What the operations side registers with hub: task recovery and the benchmark's audit rows."""

from hub.ops.scale import generate_audit
from hub.ops.task_recovery import forget_old_sent_emails, recover_abandoned_tasks
from hub.registry import register_periodic_job, register_scale_generator

register_periodic_job(name="hub.recover_abandoned_tasks", run=recover_abandoned_tasks)
register_periodic_job(name="hub.forget_old_sent_emails", run=forget_old_sent_emails)
# Last: it logs the hiding of whatever the features generated.
register_scale_generator(order=90, name="hub.audit", generate=generate_audit)
