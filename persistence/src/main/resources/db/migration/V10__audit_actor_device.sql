-- The device a person acted on when it is not the device that wrote the record: a transition another console made,
-- taken from the backend's shared alarm state (issue 5: consoles see each other's acknowledgements). NULL: the
-- person acted on this device (every row written before this version).
ALTER TABLE audit_record ADD COLUMN actor_device VARCHAR(100);
