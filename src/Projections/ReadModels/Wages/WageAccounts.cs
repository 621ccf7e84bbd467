namespace SecondChance.Projections.ReadModels.Wages;

/// <summary>
/// Chart of accounts. Inmate sub-accounts are liabilities (credit balances); each posting's other side is a contra
/// account, so every posting and every sale balances and the trial balance must sum to zero.
/// </summary>
public static class WageAccounts
{
    public const string InmateSpendable = "inmate_spendable";
    public const string InmateSavings = "inmate_savings";
    public const string InmateFamily = "inmate_family";
    public const string WagesExpense = "wages_expense";
    public const string InmateSharePayable = "inmate_share_payable";
    public const string SalesProceeds = "sales_proceeds";
    public const string WelfareFund = "welfare_fund";
    public const string MaterialsRecovery = "materials_recovery";
    public const string Deductions = "deductions";
    public const string Payouts = "payouts";
}
