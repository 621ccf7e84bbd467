namespace SecondChance.Host.Endpoints;

/// <summary>
/// The one-line summary of each operation in the OpenAPI document, by endpoint name. Kept in one table so the whole API
/// reads as a list; a test fails when an operation has none.
/// </summary>
internal static class EndpointSummaries
{
    public static string? For(string endpointName) => All.GetValueOrDefault(endpointName);

    private static readonly Dictionary<string, string> All = new(StringComparer.Ordinal)
    {
        ["Health"] = "Readiness, as /health/ready (kept for existing probes)",
        ["Readiness"] = "Whether the service takes traffic: database reachable, migrations and demo seeding done (503 until then)",
        ["Liveness"] = "Whether the process serves at all (200 even while starting)",

        ["SignIn"] = "Sign in with a cookie (pages): JSON or form with username and password, optional local returnUrl",
        ["IssueToken"] = "Issue a bearer token for API clients from a username and password",
        ["SignOut"] = "Sign out (ends the cookie session)",
        ["ChangeOwnPassword"] = "Change your own password, giving the current one",
        ["Me"] = "The signed-in user with roles and grants",

        ["RegisterUser"] = "Register a user with roles",
        ["ListUsers"] = "List users with their roles and grants",
        ["GetUser"] = "One user with roles and grants",
        ["UserHistory"] = "A user's history of registration, grants and revocations",
        ["GrantRole"] = "Grant a role to a user",
        ["RevokeRole"] = "Revoke a role from a user",
        ["GrantFacility"] = "Grant a user a facility (facility-bound roles act and read there)",
        ["RevokeFacility"] = "Revoke a user's facility grant",
        ["GrantProgramme"] = "Grant an instructor a programme",
        ["RevokeProgramme"] = "Revoke an instructor's programme grant",
        ["GrantPersonalDataAccess"] = "Let a user see names and other personal data, with a justification",
        ["RevokePersonalDataAccess"] = "Withdraw a user's personal-data access",
        ["DeactivateUser"] = "Deactivate a user (their sessions and tokens stop at once)",
        ["SetUserPassword"] = "Set a user's password",
        ["AccessLog"] = "Who read whose personal record, and when",
        ["EraseInmate"] = "Erase a released inmate's personal data (destroys their key, rebuilds the read models)",

        ["ListFacilities"] = "List the facilities you may read",
        ["RegisterFacility"] = "Register a facility with its time zone",
        ["GetFacility"] = "One facility with its wards, proceeds policies and compliance thresholds",
        ["AddWard"] = "Add a ward to a facility",
        ["AdoptProceedsPolicy"] = "Adopt a sale proceeds policy from a date",
        ["SetComplianceThresholds"] = "Set a facility's segregation and screening limits",

        ["ListInmates"] = "List inmates, a page at a time, searchable by prisoner number or name",
        ["AdmitInmate"] = "Admit an inmate",
        ["GetInmate"] = "One inmate's record (access-logged)",
        ["HouseInmate"] = "House an inmate in a ward",
        ["RecordMedicalScreening"] = "Record a medical screening (for women, the entry health screening)",
        ["StartSegregation"] = "Start a segregation spell",
        ["EndSegregation"] = "End a segregation spell",
        ["ApplyRestraint"] = "Record a use of restraints (instrument, reason, who authorised, medical officer informed); the result's id is the restraint's",
        ["EndRestraint"] = "Record the end of a use of restraints",
        ["RecordLabour"] = "Record a woman's labour or delivery",
        ["RecordCustodyIncident"] = "Record a death, serious injury or disappearance in custody; the result's id is the incident's",
        ["NotifyFamilyOfIncident"] = "Record that the family was notified of an incident in custody",
        ["ReportIncidentToAuthority"] = "Record an incident's report to an independent (judicial) authority",
        ["OpenIncidentInvestigation"] = "Record that an investigation of an incident was opened",
        ["ConcludeIncidentInvestigation"] = "Record the conclusion of an incident's investigation",
        ["TransferInmate"] = "Transfer an inmate to another facility",
        ["ChangeLegalStatus"] = "Change an inmate's legal status",
        ["GiveAttributionConsent"] = "Record an inmate's consent to be named as maker in the marketplace",
        ["WithdrawAttributionConsent"] = "Withdraw an inmate's consent to be named as maker",
        ["PlanRelease"] = "Plan or change an inmate's expected release date",
        ["ReleaseInmate"] = "Release an inmate",
        ["RecordPostReleaseFollowUp"] = "Record a follow-up after release",
        ["CorrectInmateRecord"] = "Correct a field of an inmate's record, with the reason",
        ["AssignMentor"] = "Assign a vetted mentor to an inmate",
        ["UnassignMentor"] = "End an inmate's mentor assignment",
        ["RecordMentoringContact"] = "Record a mentoring contact",
        ["CertifySkill"] = "Certify a skill an inmate has learnt",

        ["ListProgrammes"] = "List skills programmes, a page at a time",
        ["OpenProgramme"] = "Open a skills programme at a facility",
        ["GetProgramme"] = "One programme with its enrolments",
        ["CloseProgramme"] = "Close a programme",
        ["EnrolInmate"] = "Enrol an inmate in a programme",
        ["WithdrawFromProgramme"] = "Withdraw an inmate from a programme",
        ["CompleteProgramme"] = "Record that an inmate completed a programme",

        ["ListItems"] = "List handmade items, a page at a time",
        ["ProduceItem"] = "Record an item made, with its makers and minutes worked",
        ["GetItem"] = "One item with its makers, listing and sale",
        ["ListItem"] = "List an item for sale at a price",
        ["ShowItem"] = "Record that an item was shown at an exhibition",
        ["SellItem"] = "Sell an item and split the proceeds",
        ["WithdrawItem"] = "Withdraw an item from sale",
        ["ReturnItem"] = "Record a returned item (reverses the proceeds)",

        ["GetWageAccount"] = "An inmate's wage account balances (access-logged)",
        ["CreditWage"] = "Credit wages or piece-work pay",
        ["DeductFromWages"] = "Deduct from an inmate's wages",
        ["RemitToFamily"] = "Remit money to the inmate's family",
        ["PayOutAtRelease"] = "Pay out the savings at release",
        ["ReversePosting"] = "Reverse a wage posting made in error",

        ["ListMentors"] = "List mentors, a page at a time",
        ["RegisterMentor"] = "Register a mentor",
        ["GetMentor"] = "One mentor",
        ["VetMentor"] = "Record that a mentor was vetted",
        ["DeactivateMentor"] = "Deactivate a mentor",

        ["InmateTimeline"] = "An inmate's journey: every recorded event with who recorded it and when (access-logged)",
        ["ReintegrationDashboard"] = "Reintegration figures and releases due, for one facility or all you may read",
        ["WageStatement"] = "An inmate's wage statement with running balances (access-logged)",
        ["WageTotals"] = "Wage totals per facility, month and source",
        ["SaleDistributions"] = "How each sale's proceeds were split",
        ["TrialBalance"] = "Trial balance of the wage and proceeds ledger",
        ["InmateComplianceTimeline"] = "An inmate's rights-compliance timeline (access-logged)",
        ["FacilityComplianceTimeline"] = "A facility's rights-compliance timeline",
        ["MarketplaceCatalogue"] = "Items for sale, with the names of makers who consent (public)",

        ["ProjectionStatus"] = "Each projection's position, lag and state",
        ["RebuildProjections"] = "Rebuild one projection (name) or all, in the background",
        ["ResumeProjection"] = "Resume a paused projection",

        ["AuditWageBalances"] = "An inmate's wage balances as of an instant or version (time travel)",
        ["AuditWageStatement"] = "An inmate's wage statement as JSON or CSV",
        ["AuditFacilityReplay"] = "A facility's wage and proceeds history replayed from the event log, JSON or CSV",
        ["AuditFacilityReconciliation"] = "Reconcile a facility's replayed balances with the read model, JSON or CSV",
        ["VerifyHashChains"] = "Recompute every stream's hash chain and name each broken link",
        ["TakeAuditCheckpoint"] = "Take an audit checkpoint: a root hash over every stream head",
        ["ProveAuditCheckpoint"] = "Prove nothing recorded before a checkpoint has changed",

        ["ComplianceRules"] = "The rights-compliance rules and their sources",
        ["OversightFacilityReport"] = "A facility's rights-compliance findings for a period, as of an instant; JSON or CSV",
        ["OversightInmateFindings"] = "An inmate's rights-compliance findings as of an instant",
        ["ReleaseReminders"] = "Release readiness reminders that still stand: what each upcoming release lacks",
        ["OversightNotifications"] = "Oversight notifications at a facility: who was told of which finding, and by when",
    };
}
