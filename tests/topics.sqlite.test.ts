import { topicsSuite } from "./support/topics-suite";

topicsSuite("sqlite");
