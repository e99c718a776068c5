package dk.flis.generator;

import java.time.YearMonth;

/** A citizen as delivered in cpr_borger of one delivery month (bopaelskommune and efternavn as of then). */
public record CitizenRow(YearMonth delivery, Citizen citizen) {}
