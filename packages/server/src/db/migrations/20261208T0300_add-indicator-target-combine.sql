-- Issue 16: how a target's value is formed is part of the target. The units that count are the
-- plan target's scope; how they are combined is the link's: the indicator's own rule (data_set),
-- an unweighted mean of the units' values, or a mean weighted by each unit's resident population.

alter table indicator_target_link
  add column combine text not null default 'data_set'
    check (combine in ('data_set', 'mean', 'population_weighted_mean'));
