import { misconceptionsSuite } from "./support/misconceptions-suite";

misconceptionsSuite("sqlite");
