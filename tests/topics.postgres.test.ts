import { topicsSuite } from "./support/topics-suite";

topicsSuite("postgresql");
