import { authSuite } from "./support/auth-suite";

authSuite("sqlite");
