-- Spring Modulith now deletes an event publication once its listener has run
-- (spring.modulith.events.completion-mode=delete); those completed before are removed here once.
-- The metric counters (JobMeters, CreditMeters, RenderMeters) no longer listen transactionally,
-- so their publications, finished or not, have no listener left: removed too. Old nodes still
-- running during an upgrade only add rows of the same kinds, which this leaves harmless.
delete from event_publication
where completion_date is not null
   or listener_id like 'dev.atelier.generation.internal.JobMeters.%'
   or listener_id like 'dev.atelier.credits.internal.CreditMeters.%'
   or listener_id like 'dev.atelier.render.internal.RenderMeters.%';
