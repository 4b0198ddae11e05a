// Imports every schema module; `toSchema()` is called in ../schema.ts, which no module imports.
import './enums.ts';
import './city.ts';
import './school.ts';
import './organisation.ts';
import './person.ts';
import './person-admin.ts';
import './partnership.ts';
import './signal/object.ts';
import './signal/mutations.ts';
import './activity/object.ts';
import './activity/mutations.ts';
import './assessment.ts';
import './evaluation/query.ts';
import './audit.ts';
import './subscriptions.ts';
import './hidden-fields.ts';
import './data-subject.ts';
