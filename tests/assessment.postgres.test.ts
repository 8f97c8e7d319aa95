import { assessmentSuite } from "./support/assessment-suite";

assessmentSuite("postgresql");
