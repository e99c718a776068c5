package dk.flis.generator;

import java.time.LocalDate;

/** One cpr_borger row's content. {@code koen} is M/K and agrees with the cpr's last digit (odd = M). */
public record Citizen(String cpr, String fornavn, String efternavn, LocalDate foedselsdato, String koen,
                      int bopaelskommune, String civilstand, String statsborgerskab) {}
