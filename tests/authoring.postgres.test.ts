import { authoringSuite } from "./support/authoring-suite";

authoringSuite("postgresql");
