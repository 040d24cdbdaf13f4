-- Acceptance of the virtual card "may vary from department to department within the same
-- institution" (FAQ 5): the departments that take it, comma-separated; NULL when all do.
ALTER TABLE institutions ADD COLUMN virtual_card_departments TEXT;
