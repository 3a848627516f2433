-- Who works an alarm (issue 6, alarm pane: assign). NULL: nobody is assigned.
ALTER TABLE alarm_occurrence ADD COLUMN assigned_to VARCHAR(128);
