## Privacy → DPIAs (Art. 35–36): the screening of every purpose, the list,
## an assessment's page and its print view.

dpia-list-title = Impact assessments
dpia-list-heading = Data-protection impact assessments
dpia-link-overview = Privacy overview
dpia-link-register = Record of processing
dpia-link-recipients = Recipients
dpia-list-intro = An assessment is needed when processing is likely to result in a high risk to people (Art. 35). Each purpose is screened below against the criteria of the WP248 guidelines that Kith can see in its own data; two or more met suggest an assessment is likely required. A signed-off assessment becomes outdated by itself when its purposes, their data, recipients, transfers or retention change.
dpia-assessments = Assessments
dpia-none = No impact assessment is recorded yet.
dpia-col-assessment = Assessment
dpia-col-purposes = Purposes
dpia-col-status = Status
dpia-col-residual = Highest residual risk
dpia-todo = To do
dpia-outdated-short = outdated: the processing changed since sign-off
dpia-start = Start an assessment
dpia-f-title = Title
dpia-f-purposes = Purposes it assesses
dpia-no-purpose = No purpose is defined yet.
dpia-start-submit = Start
dpia-screening = Screening of each purpose
dpia-screening-intro = Large scale: { $n } people or more holding a basis for the purpose — Kith's threshold, as WP248 names no number. Evaluation or scoring, systematic monitoring and vulnerable people (children) cannot be seen in Kith's data: weigh them yourself in the decision.
dpia-likely-required = DPIA likely required
dpia-not-suggested = DPIA not suggested by the data
dpia-covered-by = { $n ->
    [one] { $n } assessment covers it
   *[other] { $n } assessments cover it
}
dpia-no-criterion = No criterion Kith can see is met.
dpia-unseen = Not observable by Kith: { $criteria }
dpia-decision-of = Decision of { $date }:
dpia-decision-required = an assessment is required
dpia-decision-not-required = no assessment required
dpia-new-countries = Recipients outside the EEA added since the decision: { $recipients }. Review the decision.
dpia-no-decision = No decision recorded yet.
dpia-decision = Decision
dpia-required-yes = An assessment is required
dpia-required-no = Not required
dpia-why = Why
dpia-record-decision = Record the decision

## Status, levels, reminders.
dpia-status-draft = Draft
dpia-status-signed = Signed off { $date } (register version { $version })
dpia-status-by = { $status } by { $by }
dpia-by-staff = a staff member
dpia-by-cli = the command line
dpia-level-1 = Negligible
dpia-level-2 = Limited
dpia-level-3 = Significant
dpia-level-4 = Maximum
dpia-worst = { $severity } × { $likelihood }
dpia-worst-high = { $severity } × { $likelihood } (high)
dpia-measure-planned = Planned
dpia-measure-in-progress = In progress
dpia-measure-done = Done
dpia-remind-not-signed = not signed off yet
dpia-remind-consult = a residual risk stays high: consult the supervisory authority before the processing starts (Art. 36(1))
dpia-remind-pending = the supervisory authority has not answered yet (Art. 36(2))
dpia-remind-review = review due since { $date }
dpia-remind-late = { $n ->
    [one] { $n } measure is past its due date
   *[other] { $n } measures are past their due date
}
dpia-criterion-scoring = Evaluation or scoring, automated decisions (WP248 1–2)
dpia-criterion-monitoring = Systematic monitoring (WP248 3)
dpia-criterion-sensitive = Special categories or highly personal data (WP248 4)
dpia-criterion-large-scale = Data processed on a large scale (WP248 5)
dpia-criterion-matching = Matching or combining datasets (WP248 6)
dpia-criterion-vulnerable = Vulnerable data subjects, children (WP248 7)
dpia-criterion-transfers = Transfers outside the EEA

## An assessment's page.
dpia-page-title = { $title } — impact assessment
dpia-all = All assessments
dpia-print-view = Print view
dpia-compared = compared with register version { $version }
dpia-correct = Please correct the following.
dpia-outdated = Outdated: the processing changed since sign-off
dpia-outdated-review = Review the assessment, then sign it off again.
dpia-sign-off = Sign off against register version { $version }
dpia-sign-off-again = Sign off again against register version { $version }
dpia-general = The processing (Art. 35(7)(a), (b))
dpia-f-description = Description of the processing and its purposes
dpia-f-necessity = Necessity and proportionality
dpia-save = Save
dpia-risks = Risks (Art. 35(7)(c))
dpia-risks-intro = Severity and likelihood on the CNIL scale: 1 negligible, 2 limited, 3 significant, 4 maximum; inherent before the measures, residual after. A residual risk with both 3 or more is high: the supervisory authority must be consulted before the processing starts (Art. 36). Leave the last row empty, or fill it to add a risk; empty a row's texts to remove it.
dpia-f-source = Risk source
dpia-f-threat = Threat
dpia-f-impact = Impact on the people
dpia-f-inherent-severity = Inherent severity
dpia-f-inherent-likelihood = Inherent likelihood
dpia-f-residual-severity = Residual severity
dpia-f-residual-likelihood = Residual likelihood
dpia-save-risks = Save risks
dpia-measures = Measures (Art. 35(7)(d))
dpia-measures-intro = Each measure with its owner (a role or team), due date and status. Progress on measures does not withdraw a sign-off.
dpia-f-measure = Measure
dpia-f-owner = Owner (role or team)
dpia-f-due = Due on
dpia-f-status = Status
dpia-save-measures = Save measures
dpia-opinion = The DPO's advice, the people's views, review
dpia-f-dpo-opinion = The DPO's advice (Art. 35(2))
dpia-f-followed = Was it followed?
dpia-undecided = Not decided yet
dpia-yes = Yes
dpia-no = No
dpia-f-opinion-note = Why not, or how it was followed
dpia-f-views-sought = The views of the people concerned, or their representatives, were sought (Art. 35(9))
dpia-f-views = Their views, or why they were not sought
dpia-f-next-review = Next review
dpia-consultation = Prior consultation (Art. 36)
dpia-consult-needed = A residual risk stays high: consult the supervisory authority before the processing starts.
dpia-consult-only-high = Needed only when a residual risk stays high.
dpia-f-asked-on = Authority consulted on
dpia-f-answered-on = Answered on
dpia-f-outcome = Reference or advice
dpia-saved = Saved ({ $section }).
dpia-saved-withdrawn = Saved. What was assessed changed, so the sign-off was withdrawn: sign it off again.
dpia-not-signed-yet = Not signed off yet: complete what is listed below.
dpia-section-general = general
dpia-section-risks = risks
dpia-section-measures = measures
dpia-section-opinion = opinion
dpia-section-consultation = consultation

## The print view.
dpia-print-title = Data-protection impact assessment — { $title }
dpia-print-running = { $controller } · Data-protection impact assessment (GDPR Art. 35) · { $title } · printed { $date }
dpia-print-heading = Data-protection impact assessment: { $title }
dpia-print-controller = Controller
dpia-print-dpo = Data-protection officer
dpia-print-activities = Processing activities
dpia-print-description = 1. Description of the processing (Art. 35(7)(a))
dpia-print-necessity = 2. Necessity and proportionality (Art. 35(7)(b))
dpia-print-risks = 3. Risks to the rights and freedoms of the people (Art. 35(7)(c))
dpia-print-scale = Severity and likelihood on the CNIL scale (1 negligible, 2 limited, 3 significant, 4 maximum), before (inherent) and after (residual) the measures.
dpia-print-no-risk = No risk assessed.
dpia-print-risk-source = Risk { $n }: source
dpia-print-impact = Impact
dpia-print-inherent = Inherent
dpia-print-residual = Residual
dpia-print-score = severity { $severity }, likelihood { $likelihood }
dpia-print-high = high
dpia-print-measures = 4. Measures (Art. 35(7)(d))
dpia-print-no-measure = No measure recorded.
dpia-print-owner = Owner
dpia-print-due = Due
dpia-print-dpo-advice = 5. The DPO's advice (Art. 35(2))
dpia-print-followed = Followed:
dpia-print-followed-yes = yes
dpia-print-followed-no = no
dpia-print-followed-undecided = not decided
dpia-print-views = 6. The views of the people concerned (Art. 35(9))
dpia-print-sought = Sought.
dpia-print-not-sought = Not sought.
dpia-print-consultation = 7. Prior consultation (Art. 36)
dpia-print-consult-needed = A residual risk stays high: the supervisory authority must be consulted.
dpia-print-consult-not-needed = No residual risk stays high: no consultation needed.
dpia-print-consulted = Consulted on { $asked }.
dpia-print-consulted-answered = Consulted on { $asked }, answered on { $answered }.
dpia-print-sign-off = 8. Sign-off
dpia-print-signed = Signed off on { $date } against version { $version } of the record of processing.
dpia-print-not-signed = Not signed off.
dpia-error-risk = risk { $n }, { $what }: { $message }
dpia-error-measure = measure { $n }, { $what }: { $message }

## Errors in the forms.
dpia-err-choice = is not a valid choice
dpia-err-required-choice = choose whether an assessment is required
dpia-err-date = must be a date such as { $example }
dpia-err-level = choose from 1 (negligible) to 4 (maximum)
