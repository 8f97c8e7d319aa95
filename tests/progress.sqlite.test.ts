import { progressSuite } from "./support/progress-suite";

progressSuite("sqlite");
