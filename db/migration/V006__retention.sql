-- Work done once a day across all instances (the retention erasure, the daily backup): an instance
-- runs a job for a day only if its conditional update moves last_day to that day, so the database
-- decides which instance does it. A day whose run was cut short is made up by the next day's run.
CREATE TABLE daily_job (
    name       VARCHAR(50) PRIMARY KEY,
    last_day   DATE,
    claimed_by VARCHAR(100),
    claimed_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO daily_job (name) VALUES ('retention');
INSERT INTO daily_job (name) VALUES ('backup');

-- Retention looks for each person's last activity: notes and history by lead.
CREATE INDEX lead_event_inquiry_created ON lead_event (inquiry_id, created_at);
