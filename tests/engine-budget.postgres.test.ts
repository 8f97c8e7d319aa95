import { engineBudgetSuite } from "./support/engine-budget-suite";

engineBudgetSuite("postgresql");
