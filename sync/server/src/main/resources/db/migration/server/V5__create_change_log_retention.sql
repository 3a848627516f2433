-- The highest seq pruned from change_log. A client whose cursor is below it has missed changes: it gets 409
-- and starts again from a snapshot.
CREATE TABLE change_log_retention (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    pruned_through BIGINT  NOT NULL
);
INSERT INTO change_log_retention (id, pruned_through) VALUES (1, 0);
