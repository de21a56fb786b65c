-- A reviewer released when the case closed: the reason in the words staff read on the timeline.
update imr_reviewer_assignment set release_reason = 'Case closed: determination issued'
    where release_reason = 'case closed: DETERMINATION_ISSUED';
update imr_reviewer_assignment set release_reason = 'Case closed: withdrawn'
    where release_reason = 'case closed: WITHDRAWN';
update imr_reviewer_assignment set release_reason = 'Case closed: ineligible'
    where release_reason = 'case closed: INELIGIBLE';
update imr_reviewer_assignment set release_reason = 'Case closed: joined into an earlier case'
    where release_reason = 'case closed: CONSOLIDATED';
