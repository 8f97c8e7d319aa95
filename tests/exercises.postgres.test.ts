import { exerciseSuite } from "./support/exercise-suite";

exerciseSuite("postgresql");
