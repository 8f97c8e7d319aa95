import { classesSuite } from "./support/classes-suite";

classesSuite("postgresql");
