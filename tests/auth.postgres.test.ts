import { authSuite } from "./support/auth-suite";

authSuite("postgresql");
