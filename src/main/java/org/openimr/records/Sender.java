package org.openimr.records;

/** Who sent a document to the IMR organization. */
public enum Sender {
    CLAIMS_ADMINISTRATOR("the claims administrator"),
    EMPLOYEE("the employee"),
    REPRESENTATIVE("the employee's representative"),
    PHYSICIAN("a physician"),
    OTHER("another sender");

    private final String words;

    Sender(String words) {
        this.words = words;
    }

    /** The sender as a sentence names it: "from the claims administrator". */
    public String words() {
        return words;
    }
}
