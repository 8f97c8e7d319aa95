import { printShareSuite } from "./support/print-share-suite";

printShareSuite("sqlite");
